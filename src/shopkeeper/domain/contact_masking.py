"""Personal data shown masked unless the seller asks: `a***@example.com`, `138****0000`, `王**`.

One name, `mask_contact`, for what the target list and the members report
print (a platform buyer id that is an e-mail or phone number is masked as
one); a value the platform already masked or enciphered (`138****0000`,
`##密文`, `$$…`) is shown as it came, it says nothing more.
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["email", "phone", "name", "account"]


def mask_contact(kind: Kind, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    if "*" in text or text.startswith(("##", "$$")):
        return text
    if kind == "account":
        # A platform's buyer id is often the e-mail or phone itself; a nickname is how the seller finds them.
        if "@" in text:
            kind = "email"
        elif sum(c.isdigit() for c in text) >= 7:
            kind = "phone"
        else:
            return text
    if kind == "email":
        local, at, domain = text.partition("@")
        return f"{local[:1]}***@{domain}" if at and local else "***"
    if kind == "phone":
        digits = [c for c in text if c.isdigit()]
        if len(digits) < 7:
            return "****"
        return "".join(digits[:3]) + "****" + "".join(digits[-4:])
    return text[:1] + "**"
