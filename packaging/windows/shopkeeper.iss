; Inno Setup script: Shopkeeper for Windows, installed for the current user (no administrator rights).
; Build on Windows after `python packaging\build.py`:
;   iscc /DAppVersion=1.2.3 packaging\windows\shopkeeper.iss
; Output: dist\Shopkeeper-<version>-windows-setup.exe
; The uninstaller removes the program only: the seller's shops live in their own folder
; (%LOCALAPPDATA%\Shopkeeper) and stay where they are.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
AppId={{6E3C5B8E-4C11-4C9B-9A1E-5A0B7D0F5E21}
AppName=Shopkeeper
AppVersion={#AppVersion}
AppVerName=Shopkeeper {#AppVersion}
AppPublisher=Shopkeeper
DefaultDirName={localappdata}\Programs\Shopkeeper
DefaultGroupName=Shopkeeper
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir={#Root}\dist
OutputBaseFilename=Shopkeeper-{#AppVersion}-windows-setup
SetupIconFile={#Root}\build\icons\shopkeeper.ico
UninstallDisplayIcon={app}\shopkeeper.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\Shopkeeper\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Shopkeeper"; Filename: "{app}\shopkeeper.exe"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,Shopkeeper}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Shopkeeper"; Filename: "{app}\shopkeeper.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\shopkeeper.exe"; Description: "{cm:LaunchProgram,Shopkeeper}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder itself holds; the shops in %LOCALAPPDATA%\Shopkeeper are never touched.
Type: filesandordirs; Name: "{app}\_internal"
