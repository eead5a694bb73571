"""Every message code of the core, in the window's language.

The core says what happened as a `Message` (a code and its parameters, see
domain/message_texts.py, which also holds the English the command line
prints). The window words each code itself, through Qt's translation, so
nothing parses an English sentence back. Each text is spelled out as a literal
in its own QCoreApplication.translate call: lupdate only finds literals.
tests/unit/test_message_codes.py checks that both catalogues know every code
and that the Chinese translation has them all.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from shopkeeper.domain.message_texts import english, fill, singular
from shopkeeper.domain.messages import Message
from shopkeeper.ui.format_labels import format_label
from shopkeeper.ui.formatting import platform_label, shop_label


def window_texts() -> dict[str, str]:
    """Code → template in the current language (asked each time: the language can change while running)."""
    translate = QCoreApplication.translate
    return {
        "title.shopkeeper": translate("Messages", "Shopkeeper"),
        "title.file_refused": translate("Messages", "File not imported"),
        "title.shop_locked": translate("Messages", "Shop already open"),
        "title.disk_full": translate("Messages", "Disk full"),
        "title.newer_shop": translate("Messages", "Shop made by a newer Shopkeeper"),
        "title.damaged_shop": translate("Messages", "Shop file cannot be read"),
        "title.read_only_shop": translate("Messages", "Shop file is read-only"),
        "title.not_a_shop": translate("Messages", "Not a Shopkeeper shop"),
        "title.shop_not_empty": translate("Messages", "Shop is not empty"),
        "shop.locked": translate("Messages", "The shop \"{shop}\" is already open in another Shopkeeper window or program. Close "
                                             "it there, or open a different shop."),
        "shop.locked_by_process": translate("Messages", "The shop \"{shop}\" is already open in another Shopkeeper window or program "
                                                        "(process {pid}). Close it there, or open a different shop."),
        "shop.disk_full": translate("Messages", "The disk holding \"{shop}\" is full. Free some space and try again."),
        "shop.newer": translate("Messages", "The shop \"{shop}\" was written by a newer version of Shopkeeper. Install the "
                                            "latest Shopkeeper to open it."),
        "shop.newer_data_version": translate("Messages", "The shop \"{shop}\" was saved by a newer Shopkeeper (data version {version}; this "
                                                         "Shopkeeper {app_version} knows up to {latest}). Install the latest Shopkeeper to "
                                                         "open it; the file was not changed."),
        "shop.read_only": translate("Messages", "Shopkeeper cannot write to \"{shop}\". Check that the file and its folder are "
                                                "writable."),
        "shop.damaged": translate("Messages", "The shop \"{shop}\" is damaged and cannot be read. {advice}"),
        "shop.damaged_unchanged": translate("Messages", "The shop \"{shop}\" is damaged and cannot be read. It was not changed. {advice}"),
        "shop.restore.from_backup": translate("Messages", "Restore it from a backup."),
        "shop.restore.latest_good_backup": translate("Messages", "Its latest good backup is \"{backup}\" (taken {taken}): "
                                                                 "restore it with File › Restore… (the damaged \"{shop}\" is "
                                                                 "kept among the backups)."),
        "shop.restore.no_backup": translate("Messages", "There is no backup of it in \"{folder}\": restore a backup you keep "
                                                        "elsewhere with File › Restore…, or import your exports into a new shop."),
        "shop.backup.missing": translate("Messages", "There is no backup file at \"{backup}\"."),
        "shop.backup.not_a_shop": translate("Messages", "\"{backup}\" is not a backup of a Shopkeeper shop. Nothing was restored."),
        "shop.backup.damaged": translate("Messages", "The backup \"{backup}\" is damaged and cannot be read whole. Nothing was "
                                                     "restored; choose another backup."),
        "shop.backup.newer": translate("Messages", "The backup \"{backup}\" was saved by a newer Shopkeeper (data version "
                                                   "{version}; this one knows up to {latest}). Nothing was restored; install "
                                                   "the latest Shopkeeper to restore it."),
        "shop.backup.is_the_shop": translate("Messages", "\"{backup}\" is the shop file itself, not a backup of it."),
        "shop.backup.disk_full": translate("Messages", "The disk holding \"{folder}\" is full: there is no room for the "
                                                       "backup, so it was not made. The shop was not changed; free some "
                                                       "space and try again."),
        "shop.backup.disk_full_before_import": translate("Messages", "The disk holding \"{folder}\" is full: there is no "
                                                                     "room for the backup Shopkeeper makes before an "
                                                                     "import, so nothing was imported and the shop was "
                                                                     "not changed. Free some space and import again."),
        "shop.backup.cannot_write": translate("Messages", "The backup could not be written in \"{folder}\" ({reason}). The shop "
                                                          "was not changed."),
        "shop.other_programs_database": translate("Messages", "\"{shop}\" is a database of another program, not a Shopkeeper shop. It was not "
                                                              "changed; open a Shopkeeper shop, or create a new one."),
        "shop.not_a_shop_file": translate("Messages", "\"{shop}\" is not a Shopkeeper shop file (it is some other kind of file). It was "
                                                      "not changed; choose the shop file itself."),
        "shop.is_a_folder": translate("Messages", "\"{shop}\" is a folder, not a shop file."),
        "shop.missing": translate("Messages", "There is no shop file at \"{shop}\". Check the path, or create a shop with File › "
                                              "New shop…."),
        "shop.write_failed": translate("Messages", "{cause} {state}"),
        "import.state.kept": translate("Messages", "{name} was imported and kept; importing it again says already imported."),
        "import.state.kept_with_earlier": translate("Messages", "{name} was imported and kept; importing it again says already imported. Files "
                                                                "listed above as imported were kept."),
        "import.state.not_kept": translate("Messages", "{name} was not imported; the shop is as it was before."),
        "import.state.not_kept_with_earlier": translate("Messages", "{name} was not imported. Files listed above as imported were kept."),
        "import.state.unknown": translate("Messages", "Shopkeeper could not check whether {name} was kept: import it again to find out "
                                                      "(it says already imported if it was)."),
        "import.state.unknown_with_earlier": translate("Messages", "Shopkeeper could not check whether {name} was kept: import it again to find out "
                                                                   "(it says already imported if it was). Files listed above as imported were kept."),
        "import.undo.no_such_import": translate("Messages", "There is no import number {batch} in this shop."),
        "demo.shop_not_empty": translate("Messages", "This shop already holds orders, so the demo shop was not added. Create a new, "
                                                     "empty shop to explore the demo."),
        "mapping.name_missing": translate("Messages", "Give the mapping a name."),
        "mapping.name_taken": translate("Messages", "A mapping named \"{name}\" already exists for files of another shape. Choose "
                                                    "another name."),
        "mapping.unknown_kind": translate("Messages", "Unknown kind of table {kind}; choose one of {kinds}."),
        "import.outcome.imported": translate("Messages", "{name}: {label}, {read:,} rows read, {added:,} added, {updated:,} updated, "
                                                         "{rejected:,} rejected"),
        "import.outcome.imported_with_rejects": translate("Messages", "{name}: {label}, {read:,} rows read, {added:,} added, {updated:,} updated, "
                                                                      "{rejected:,} rejected (see Show rejected rows…)"),
        "import.outcome.imported_unchanged": translate(
            "Messages", "{name}: {label}, {read:,} rows read, {added:,} added, {updated:,} updated, "
                        "{unchanged:,} unchanged, {rejected:,} rejected"),
        "import.outcome.imported_unchanged_with_rejects": translate(
            "Messages", "{name}: {label}, {read:,} rows read, {added:,} added, {updated:,} updated, "
                        "{unchanged:,} unchanged, {rejected:,} rejected (see Show rejected rows…)"),
        "import.outcome.imported_one_row": translate(
            "Messages", "{name}: {label}, {read:,} row read, {added:,} added, {updated:,} updated, {rejected:,} rejected"),
        "import.outcome.imported_one_row_with_rejects": translate(
            "Messages", "{name}: {label}, {read:,} row read, {added:,} added, {updated:,} updated, "
                        "{rejected:,} rejected (see Show rejected rows…)"),
        "import.outcome.imported_one_row_unchanged": translate(
            "Messages", "{name}: {label}, {read:,} row read, {added:,} added, {updated:,} updated, "
                        "{unchanged:,} unchanged, {rejected:,} rejected"),
        "import.outcome.already_imported": translate("Messages", "{name}: already imported on {when}, nothing changed"),
        "import.outcome.refused": translate("Messages", "{name}: refused — {reason}"),
        "import.outcome.summary_checked": translate(
            "Messages", "{name}: Alipay ledger summary, checked: {detail} adds up to its totals"),
        "import.outcome.summary_unchecked": translate(
            "Messages", "{name}: Alipay ledger summary, not checked: {rejected:,} rows of {detail} were rejected "
                        "(see Show rejected rows…)"),
        "import.refused.the_file": translate("Messages", "the file {what}"),
        "import.refused.no_readable_table": translate("Messages", "{problems}"),
        "import.refused.table_is": translate("Messages", "{table} {what}"),
        "import.refused.table_gone": translate("Messages", "the file no longer holds the table {table}"),
        "import.refused.unknown_format": translate("Messages", "Shopkeeper does not know the columns of this table yet; press Map columns… to "
                                                               "import it"),
        "import.refused.no_such_mapping": translate("Messages", "there is no saved column mapping named \"{name}\""),
        "import.refused.mapping_not_importable": translate("Messages", "the saved mapping \"{name}\" is for {platform} {kind}, which cannot be imported "
                                                                       "yet"),
        "import.refused.mapping_damaged": translate("Messages", "the saved mapping \"{name}\" is damaged"),
        "import.refused.mapping_lacks_columns": translate("Messages", "the saved mapping \"{name}\" needs columns this file does not have ({fields})"),
        "import.refused.unknown_platform": translate("Messages", "the platform '{platform}' is not known to this shop"),
        "import.refused.which_shop": translate("Messages", "this shop file has several {platform} shops ({shops}) and the file "
                                                           "does not say which it is from: import it with File › Import into a "
                                                           "shop… and choose the shop"),
        "import.refused.header_without_rows": translate("Messages", "the file has a header but no rows"),
        "import.refused.summary_totals_differ": translate(
            "Messages", "its {which} adds up to {rows}, but {summary}, downloaded with it, says {stated}: "
                        "neither file was imported; download the zip again"),
        "import.refused.summary_pair_differs": translate(
            "Messages", "{detail} adds up to {rows} of {which}, but this summary says {stated}: "
                        "neither file was imported; download the zip again"),
        "import.refused.summary_detail_refused": translate(
            "Messages", "it is the summary of {detail}, which was refused"),
        "import.refused.summary_without_detail": translate(
            "Messages", "it is the summary (账务汇总) of an Alipay ledger and holds no movements: import the zip "
                        "as downloaded, with its 账务明细"),
        "import.refused.date_order_mixed": translate(
            "Messages", "its dates are written both day first (25/11/2026) and month first (11/25/2026), so none "
                        "can be trusted: download the report again"),
        "import.refused.date_order_ambiguous": translate(
            "Messages", "its dates (like {example}) read both day first and month first, and it names no currency "
                        "or marketplace that says which: download it with its Currency column"),
        "import.refused.ledger_totals_differ": translate(
            "Messages", "its rows add up to {rows}, but its own {which} says {stated}: "
                        "the file is incomplete or was changed; download it again"),
        "import.refused.only_row_unreadable": translate("Messages", "its only row could not be read (first problem: row {row}: {problem})"),
        "import.refused.only_row_unreadable_in_column": translate("Messages", "its only row could not be read (first problem: row {row}, {column}: {problem})"),
        "import.refused.no_row_readable": translate("Messages", "none of its {rows:,} rows could be read (first problem: row {row}: {problem})"),
        "import.refused.no_row_readable_in_column": translate("Messages", "none of its {rows:,} rows could be read (first problem: row {row}, {column}: "
                                                                          "{problem})"),
        "import.refused.text_after_quote": translate("Messages", "the file has text right after a closing quote, so its values cannot be told "
                                                                 "apart; fix that line or export the file again"),
        "import.refused.text_after_quote_on_line": translate("Messages", "the file has text right after a closing quote on line {line}, so its values "
                                                                         "cannot be told apart; fix that line or export the file again"),
        "import.refused.ids_damaged": translate("Messages", "the ids in {column} were damaged by a spreadsheet program ({damaged:,} of "
                                                            "{total:,} ids, the first on row {row}: {value}): Excel shows long numbers in "
                                                            "scientific notation and saves them that way, or rounds them after 15 digits; "
                                                            "export the file again from the platform and import that file as it comes, "
                                                            "without opening and saving it in a spreadsheet (or, in Excel, format the id "
                                                            "column as Text before saving)"),
        "import.refused.not_imported": translate("Messages", "could not be imported ({detail})"),
        "import.file.cannot_open": translate("Messages", "could not be opened ({detail})"),
        "import.file.not_allowed": translate("Messages", "could not be opened: this account is not allowed to read it"),
        "import.file.unreadable": translate("Messages", "could not be read ({detail})"),
        "import.file.work_disk_full": translate("Messages", "could not be unpacked: the disk holding the work folder {folder} is full. "
                                                            "Nothing was imported from it; free some space and import it again"),
        "import.file.folder": translate("Messages", "is a folder, not a file"),
        "import.file.pipe": translate("Messages", "is a pipe (FIFO), not a file; only saved files can be imported"),
        "import.file.device": translate("Messages", "is a device, not a file; only saved files can be imported"),
        "import.file.socket": translate("Messages", "is a socket, not a file; only saved files can be imported"),
        "import.file.special": translate("Messages", "is a special file, not a file; only saved files can be imported"),
        "import.file.empty": translate("Messages", "is empty (0 bytes)"),
        "import.file.blank": translate("Messages", "is empty (it holds only blank space)"),
        "import.file.binary": translate("Messages", "contains binary data, not text"),
        "import.file.not_in_encoding": translate("Messages", "is not valid {encoding} text"),
        "import.file.not_utf8": translate("Messages", "is not valid UTF-8 text; it needs to be read again in another encoding"),
        "import.file.not_utf8_near_line": translate("Messages", "is not valid UTF-8 text near line {line}; it needs to be read again in another "
                                                                "encoding"),
        "import.file.unclosed_quote": translate("Messages", "has a quoted value that never closes"),
        "import.file.unclosed_quote_near_line": translate("Messages", "has a quoted value that never closes near line {line}"),
        "import.file.unclosed_quote_to_end": translate("Messages", "has a quoted value that never closes: the quote on line {line} runs to the end "
                                                                   "of the file, so every later row would end up in one cell. Fix that line or "
                                                                   "export the file again"),
        "import.file.row_too_long": translate("Messages", "has a row longer than {size} MiB"),
        "import.file.row_too_long_near_line": translate("Messages", "has a row longer than {size} MiB near line {line}"),
        "import.file.unreadable_csv": translate("Messages", "could not be read: {detail}"),
        "import.file.unreadable_csv_near_line": translate("Messages", "could not be read near line {line}: {detail}"),
        "import.file.no_header_row": translate("Messages", "has no header row in its first {lines} lines: every line looks like data"),
        "import.file.pdf": translate("Messages", "is a PDF document, not a table"),
        "import.file.image": translate("Messages", "is a {format} image, not a table"),
        "import.file.media": translate("Messages", "is an image, sound or video file, not a table"),
        "import.file.7z": translate("Messages", "is a 7-Zip archive, which this app cannot open; unpack it first, not a table"),
        "import.file.rar": translate("Messages", "is a RAR archive, which this app cannot open; unpack it first, not a table"),
        "import.file.program": translate("Messages", "is a program, not a table"),
        "import.file.rtf": translate("Messages", "is an RTF document, not a table"),
        "import.file.database": translate("Messages", "is a database file, not a table"),
        "import.file.web_page": translate("Messages", "is a web page or XML file, not a table export; open it in Excel and save it as "
                                                      ".xlsx or CSV"),
        "import.file.damaged_zip": translate("Messages", "looks like a zip archive but is damaged ({detail})"),
        "import.file.office_document": translate("Messages", "is a Word, PowerPoint or other Office document, not a spreadsheet"),
        "import.file.nested_too_deep": translate("Messages", "is an archive nested too deeply to open"),
        "import.file.compressed_nested_too_deep": translate("Messages", "is a compressed file nested too deeply to open"),
        "import.file.too_many_members": translate("Messages", "is an archive with {count:,} files, more than the {limit:,} Shopkeeper imports "
                                                              "from one archive; unpack it and import the tables in smaller groups"),
        "import.file.unsafe_member": translate("Messages", "contains a file named '{member}' that points outside the archive; it was not "
                                                           "opened"),
        "import.file.zip_bomb_member": translate("Messages", "is an archive whose '{member}' would unpack from {packed} to {unpacked}, far "
                                                             "more than any export (a zip bomb); it was not opened"),
        "import.file.zip_bomb": translate("Messages", "is a compressed file that unpacks to more than {ratio} times its size, far more "
                                                      "than any export (a zip bomb); it was not opened"),
        "import.file.too_big_unpacked": translate("Messages", "would unpack to more than {limit}; unpack it yourself and drop the tables one by "
                                                              "one"),
        "import.file.damaged_archive": translate("Messages", "is damaged and could not be unpacked ({detail})"),
        "import.file.no_tables_in_archive": translate("Messages", "is an archive with no tables inside: {skipped}"),
        "import.file.empty_archive": translate("Messages", "is an archive with no tables inside: it is empty"),
        "import.file.skipped_member": translate("Messages", "{member} ({why})"),
        "import.file.password_protected": translate("Messages", "password-protected"),
        "import.file.sheets_empty": translate("Messages", "is a spreadsheet whose sheets are all empty"),
        "import.file.not_a_spreadsheet": translate("Messages", "could not be read as a spreadsheet ({detail})"),
        "import.file.sheet_too_big": translate("Messages", "is a workbook that holds {size} of sheet data, more than Shopkeeper can load (at "
                                                           "most {limit} a sheet); save the sheet as CSV and import that"),
        "import.file.sheet_too_many_cells": translate("Messages", "is a workbook that has a sheet spanning {rows:,} rows × {columns:,} columns, "
                                                                  "more than Shopkeeper can load (at most {limit:,} cells a sheet); save the sheet "
                                                                  "as CSV and import that"),
        "reject.as_written": translate("Messages", "{text}"),
        "reject.not_an_amount": translate("Messages", "not an amount"),
        "reject.not_a_number": translate("Messages", "not a number"),
        "reject.not_a_whole_number": translate("Messages", "not a whole number"),
        "reject.not_yes_no": translate("Messages", "not yes/no"),
        "reject.not_a_date_time": translate("Messages", "not a date and time"),
        "reject.id_damaged": translate("Messages", "the id was damaged by a spreadsheet program; export the file again and import it "
                                                   "as it comes"),
        "reject.cut_row": translate("Messages", "the file ends in the middle of this row (it was cut short)"),
        "reject.other_row_of_order": translate("Messages", "another row of this order could not be read (row {row})"),
        "reject.other_item_of_order": translate("Messages", "another item of this order could not be read (row {row})"),
        "reject.missing_order_id": translate("Messages", "missing order id"),
        "reject.missing_return_quantity": translate("Messages", "missing the number of units returned"),
        "reject.return_order_not_in_shop": translate(
            "Messages", "this order is not in the shop yet: import the orders report first"),
        "reject.return_sku_not_in_order": translate("Messages", "this order holds no line of this SKU"),
        "reject.missing_order_number": translate("Messages", "missing order number"),
        "reject.missing_order_name": translate("Messages", "missing order name"),
        "reject.missing_order_time": translate("Messages", "missing order time"),
        "reject.missing_order_date": translate("Messages", "missing order date"),
        "reject.missing_order_total": translate("Messages", "missing order total"),
        "reject.missing_purchase_date": translate("Messages", "missing purchase date"),
        "reject.missing_sale_date": translate("Messages", "missing sale date"),
        "reject.missing_date": translate("Messages", "missing date"),
        "reject.missing_sku": translate("Messages", "missing SKU"),
        "reject.missing_title": translate("Messages", "missing title"),
        "reject.same_title_without_sku": translate(
            "Messages", "the listing on row {row} has the same title and no SKU either: the two cannot be told "
                        "apart, so this one was left out (give each a SKU in Etsy and export again)"),
        "reject.missing_handle": translate("Messages", "missing handle"),
        "reject.missing_product_name": translate("Messages", "missing product name"),
        "reject.missing_product_id_and_sku": translate("Messages", "missing product ID and SKU"),
        "reject.missing_item_name": translate("Messages", "missing item name"),
        "reject.missing_item_title": translate("Messages", "missing item title"),
        "reject.missing_item_quantity": translate("Messages", "missing item quantity"),
        "reject.missing_item_price": translate("Messages", "missing item price"),
        "reject.missing_quantity": translate("Messages", "missing quantity"),
        "reject.missing_price": translate("Messages", "missing price"),
        "reject.missing_total_price": translate("Messages", "missing total price"),
        "reject.missing_amount": translate("Messages", "missing amount"),
        "reject.missing_movement_number": translate("Messages", "missing movement number"),
        "reject.missing_settlement_id": translate("Messages", "missing settlement id"),
        "reject.missing_sessions": translate("Messages", "no sessions or page views"),
        "reject.missing_order_and_record_number": translate("Messages", "missing order number and sales record number"),
        "reject.missing_line_item_name": translate("Messages", "missing line item name"),
        "reject.missing_line_item_quantity": translate("Messages", "missing line item quantity"),
        "reject.missing_line_item_price": translate("Messages", "missing line item price"),
        "reject.new_sku_needs_title": translate("Messages", "a new SKU needs a title"),
        "reject.product_without_title": translate("Messages", "the product has no title in this file or in the shop"),
        "reject.variation_needs_parent": translate("Messages", "a variation needs its parent product"),
        "reject.customer_unidentified": translate("Messages", "no e-mail, customer id or phone to tell who the customer is"),
        "reject.mapping_without_total_or_item": translate("Messages", "the mapping has neither an order total nor a title or SKU"),
        "reject.unreadable_line_items": translate("Messages", "the line items in this cell could not be unpacked"),
        "reject.line_item_without_name": translate("Messages", "a line item has no name or SKU"),
        "reject.line_item_without_quantity": translate("Messages", "a line item has no whole-number quantity"),
        "reject.line_item_without_total": translate("Messages", "a line item has no total amount"),
        "progress.opening": translate("Messages", "Opening {name}"),
        "progress.backing_up": translate("Messages", "Backing up the shop before the import"),
        "progress.reading": translate("Messages", "Reading {name}"),
        "progress.checking_values": translate("Messages", "Checking the values in {name}"),
        "progress.sorting_orders": translate("Messages", "Sorting orders and lines"),
        "progress.sorting_money": translate("Messages", "Sorting money movements"),
        "progress.sorting_products": translate("Messages", "Sorting products and SKUs"),
        "progress.saving": translate("Messages", "Saving"),
        "progress.saving_orders": translate("Messages", "Saving orders"),
        "progress.saving_order_lines": translate("Messages", "Saving order lines"),
        "progress.saving_buyers": translate("Messages", "Saving buyers and members"),
        "progress.saving_products": translate("Messages", "Saving products and stock"),
        "progress.saving_money": translate("Messages", "Saving money movements"),
        "progress.import_finished": translate("Messages", "Import finished"),
        "progress.demo.catalogue": translate("Messages", "Designing the catalogue"),
        "progress.demo.customers": translate("Messages", "Inventing customers"),
        "progress.demo.orders": translate("Messages", "Taking two years of orders"),
        "progress.demo.points": translate("Messages", "Counting points and tiers"),
        "progress.demo.settlements": translate("Messages", "Importing settlements and payouts"),
        "progress.demo.stock": translate("Messages", "Planning stock and restocks"),
        "progress.demo.writing": translate("Messages", "Writing the demo shop"),
        "progress.demo.writing_listings": translate("Messages", "Writing listings and stock"),
        "progress.demo.writing_customers": translate("Messages", "Writing customers"),
        "progress.demo.writing_orders": translate("Messages", "Writing orders"),
        "progress.demo.writing_order_lines": translate("Messages", "Writing order lines"),
        "progress.demo.writing_promotions": translate("Messages", "Writing promotions"),
        "progress.demo.done": translate("Messages", "Done"),
        "title.change_refused": translate("Messages", "Change refused"),
        "field.price": translate("Messages", "price"),
        "field.cost": translate("Messages", "cost"),
        "field.on_hand": translate("Messages", "stock on hand"),
        "field.reorder_point": translate("Messages", "reorder point"),
        "field.lead_time_days": translate("Messages", "lead time (days)"),
        "export.write_failed": translate("Messages", "Could not write {path}: {reason}. Choose another folder or file "
                                                     "name."),
        "field.safety_stock": translate("Messages", "safety stock"),
        "field.pack_size": translate("Messages", "pack size"),
        "field.min_order": translate("Messages", "minimum order"),
        "field.target_cover_days": translate("Messages", "target cover (days)"),
        "field.other": translate("Messages", "{name}"),
        "change.import": translate("Messages", "import of \"{file}\""),
        "change.numbered": translate("Messages", "#{number} {change}"),
        "change.edit.price": translate("Messages", "price of {sku} {old} → {new}"),
        "change.edit.cost": translate("Messages", "cost of {sku} {old} → {new}"),
        "change.edit.on_hand": translate("Messages", "stock of {sku} {old} → {new}"),
        "change.edit.reorder_point": translate("Messages", "reorder point of {sku} {old} → {new}"),
        "change.edit.lead_time_days": translate("Messages", "lead time of {sku} {old} → {new}"),
        "change.edit.safety_stock": translate("Messages", "safety stock of {sku} {old} → {new}"),
        "change.edit.pack_size": translate("Messages", "pack size of {sku} {old} → {new}"),
        "change.edit.min_order": translate("Messages", "minimum order of {sku} {old} → {new}"),
        "change.edit.target_cover_days": translate("Messages", "target cover of {sku} {old} → {new}"),
        "change.edit.many": translate("Messages", "{field} of {count} SKUs"),
        "change.edit.many.one": translate("Messages", "{field} of {count} SKU"),
        "change.edit.absolute_terms": translate("Messages", "absolute-term list: {added} added, {removed} removed"),
        "change.edit.price_tolerance": translate("Messages", "price tolerance {old} % → {new} %"),
        "change.edit.inventory_settings": translate("Messages", "reorder settings ({count} changed)"),
        "change.edit.exchange_rates": translate("Messages", "exchange rates ({count} changed)"),
        "change.edit.conversion_settings": translate("Messages", "low-conversion thresholds ({count} changed)"),
        "check.listing.title_too_long": translate("Messages", "Title too long for {platform}: {length}, the limit is {limit}"),
        "check.listing.absolute_terms": translate("Messages", "Absolute terms in the title: {words}"),
        "check.listing.absolute_terms_description": translate("Messages", "Absolute terms in the description: {words}"),
        "check.listing.missing_description": translate("Messages", "No description on {platform}"),
        "check.listing.missing_images": translate("Messages", "No images on {platform}"),
        "check.listing.duplicate_title": translate("Messages", "Same title as {words} in this shop"),
        "check.listing.price_spread": translate("Messages", "Prices differ in {currency}: {low} ({low_shop}) to {high} "
                                                           "({high_shop})"),
        "check.listing.unlinked_sku": translate("Messages", "SKU {words} on {platform} is not in the catalogue"),
        "check.refused.word_too_long": translate("Messages", "\"{word}\" is too long for the word list (at most {limit} "
                                                             "characters); the list was not changed."),
        "check.refused.tolerance": translate("Messages", "\"{value}\" is not a price tolerance: give a percentage from 0 "
                                                         "to {maximum}."),
        "change.edit.mixed": translate("Messages", "{count} changes"),
        "change.undone": translate("Messages", "Undone: {change}"),
        "change.redone": translate("Messages", "Redone: {change}"),

        "change.undo.nothing": translate("Messages", "There is nothing to undo."),
        "change.redo.nothing": translate("Messages", "There is nothing to redo."),
        "change.undo.already": translate("Messages", "{change} was already undone."),
        "change.undo.blocked": translate("Messages", "Later changes changed rows that {change} wrote: {blockers}. Undo those first."),
        "change.unknown": translate("Messages", "There is no change number {change_set} in this shop."),
        "change.redo.stale": translate("Messages", "Cannot redo: the {field} of {sku} is no longer {old}."),
        "change.redo.no_file": translate("Messages", "Cannot redo the import of \"{file}\": the shop did not record where the file was."),
        "change.redo.file_missing": translate("Messages", "Cannot redo the import of \"{file}\": the file is no longer at {path}."),
        "change.redo.file_changed": translate("Messages", "Cannot redo the import of \"{file}\": the file at {path} has changed since."),
        "change.redo.refused": translate("Messages", "Cannot redo the import of \"{file}\": {reason}"),
        "change.redo.already": translate("Messages", "Cannot redo the import of \"{file}\": it is imported already."),
        "edit.refused.not_editable": translate("Messages", "The {field} of a {entity} cannot be edited."),
        "edit.refused.days_out_of_range": translate("Messages", "{value} days is not a window: give 1 to {maximum} days."),
        "edit.refused.conversion_threshold": translate("Messages", "{value} is not a threshold: give at least 1 session and 0 to 100 %."),
        "edit.refused.unknown_basis": translate("Messages", "\"{value}\" is not a basis for demand: use recent or "
                                                            "last_year."),
        "edit.refused.unknown_sku": translate("Messages", "There is no product with SKU {sku} in this shop."),
        "edit.refused.required": translate("Messages", "The {field} cannot be empty."),
        "edit.refused.not_a_number": translate("Messages", "\"{value}\" is not a number; the {field} was not changed."),
        "edit.refused.negative": translate("Messages", "The {field} cannot be negative ({value})."),
        "edit.refused.too_precise": translate("Messages", "The {field} has more than two decimal places ({value})."),
        "edit.refused.too_large": translate("Messages", "The {field} {value} is too large."),
        "edit.refused.not_whole": translate("Messages", "The {field} must be a whole number ({value})."),
        "edit.refused.out_of_range": translate("Messages", "The {field} must be between {minimum} and {maximum} ({value})."),
        "edit.refused.bundle_stock": translate("Messages", "{sku} is a bundle: its stock is what its parts allow, so count its parts instead."),
        "field.share_pct": translate("Messages", "share of stock listed (%)"),
        "field.max_listed": translate("Messages", "most units listed"),
        "field.buffer": translate("Messages", "stock buffer"),
        "change.edit.share_pct": translate("Messages", "share of stock listed on {shop} {old}% → {new}%"),
        "change.edit.max_listed": translate("Messages", "most units listed on {shop} {old} → {new}"),
        "change.edit.buffer": translate("Messages", "stock buffer of {shop} {old} → {new}"),
        "change.edit.channel_rules": translate("Messages", "stock rules of {count} platform shops"),
        "change.edit.channel_rules.one": translate("Messages", "stock rules of {count} platform shop"),
        # Listing status (issue 9.5: delist, relist, season, new; services/listing_status.py)
        "field.delisted": translate("Messages", "delisted"),
        "field.season_start": translate("Messages", "first month of the season"),
        "field.season_end": translate("Messages", "last month of the season"),
        "field.marked_new_on": translate("Messages", "marked new on"),
        "change.edit.fee_rates": translate("Messages", "fee rates of {count} platform fees"),
        "change.edit.purchase_lot": translate("Messages", "purchase lot of {sku} received {day}"),
        "edit.refused.unknown_fee_rate": translate("Messages", "There is no fee rate {rate} in this shop."),
        "edit.refused.not_a_currency": translate("Messages", "{value} is not a currency code (three letters, such as USD or CNY)."),
        "edit.refused.not_a_rate": translate("Messages", "{value} is not an exchange rate for {currency}: type how much one {currency} is worth in your base currency, such as 7.10."),
        "edit.refused.rate_places": translate("Messages", "The rate {value} for {currency} has more than {places} decimal places."),
        "edit.refused.percent_over_100": translate("Messages", "A fee of {value} % is more than the whole sale."),
        "field.fee_percent": translate("Messages", "fee percent"),
        "field.fee_fixed": translate("Messages", "fixed fee per order"),
        "field.currency": translate("Messages", "currency"),
        "field.lot_quantity": translate("Messages", "quantity received"),
        "field.unit_cost": translate("Messages", "landed cost per unit"),
        "change.edit.delisted": translate("Messages", "delisted {sku} {old} → {new}"),
        "change.edit.season_start": translate("Messages", "season start of {sku} {old} → {new}"),
        "change.edit.season_end": translate("Messages", "season end of {sku} {old} → {new}"),
        "change.edit.marked_new_on": translate("Messages", "marked new {sku} {old} → {new}"),
        "change.status.delisted.one": translate("Messages", "delist {sku}"),
        "change.status.delisted.many": translate("Messages", "delist {count} SKUs"),
        "change.status.relisted.one": translate("Messages", "relist {sku}"),
        "change.status.relisted.many": translate("Messages", "relist {count} SKUs"),
        "change.status.season.one": translate("Messages", "season of {sku}: months {season}"),
        "change.status.season.many": translate("Messages", "season of {count} SKUs: months {season}"),
        "change.status.season_cleared.one": translate("Messages", "no season for {sku}"),
        "change.status.season_cleared.many": translate("Messages", "no season for {count} SKUs"),
        "change.status.new.one": translate("Messages", "mark {sku} new"),
        "change.status.new.many": translate("Messages", "mark {count} SKUs new"),
        "edit.refused.not_yes_no": translate("Messages", "\"{value}\" is neither yes nor no; the {field} was not changed."),
        "edit.refused.not_a_date": translate("Messages", "\"{value}\" is not a date (YYYY-MM-DD); the {field} was not changed."),
        "edit.refused.season_months": translate("Messages", "A season needs both its first and its last month (1–12); nothing was changed."),
        "edit.refused.unknown_shop": translate("Messages", "There is no platform shop {shop} in this shop file."),
        "title.export_failed": translate("Messages", "Stock update not written"),
        "export.stock.no_writer": translate("Messages", "Shopkeeper cannot write a stock-update file for {platform}; it can for: {platforms}."),
        "export.stock.no_shop": translate("Messages", "This shop file has no {platform} shop yet. Import one of its exports first: a stock-update file lists the SKUs that shop sells."),
        "export.stock.which_shop": translate("Messages", "This shop file has several {platform} shops: {shops}. Choose one (--shop NAME)."),
        "export.stock.unknown_shop": translate("Messages", "There is no {platform} shop \"{shop}\" in this shop file; its {platform} shops are: {shops}."),
        "export.stock.nothing_listed": translate("Messages", "The shop {shop} has no SKU with a stock count ({uncounted} SKUs it sells were never counted: import a stock or product export, or type their stock on hand); nothing was written."),
        "export.stock.only_unlisted": translate("Messages", "The shop {shop} has {unlisted} counted SKUs, all known only from its orders: no listing of the shop names them, so there is nothing to update (import its products export); nothing was written."),
        "export.stock.cannot_write": translate("Messages", "Could not write \"{path}\": {reason}"),
        "export.stock.written": translate("Messages", "Wrote the {platform} stock update for {shop} to \"{path}\": {count} SKUs, {units} units listed; {uncounted} SKUs with no stock count left out."),
        "export.stock.written_unlisted": translate("Messages", "Wrote the {platform} stock update for {shop} to \"{path}\": {count} SKUs, {units} units listed; {uncounted} SKUs with no stock count left out, and {unlisted} known only from orders (no listing of the shop to update: import its products export)."),
        # -- rfm: suggested actions per RFM segment --
        "export.target_action.champions": translate("Messages", "Reward them: early access to new products and a thank-you gift; ask for a review."),
        "export.target_action.loyal": translate("Messages", "Show them how close the next tier is; recommend products that go with what they buy."),
        "export.target_action.potential_loyalists": translate("Messages", "Invite them into the membership programme; a reward for their next order."),
        "export.target_action.new_customers": translate("Messages", "Welcome them and help them use what they bought; a small coupon for a second order."),
        "export.target_action.promising": translate("Messages", "A second-order coupon while they still remember the shop."),
        "export.target_action.need_attention": translate("Messages", "A limited-time offer on what they bought before, before they drift away."),
        "export.target_action.at_risk": translate("Messages", "Win them back: a personal message and a generous coupon."),
        "export.target_action.cant_lose": translate("Messages", "Contact them personally with a strong win-back offer and ask what went wrong."),
        "export.target_action.hibernating": translate("Messages", "Include them in seasonal sales only; a low-cost reminder."),
        "export.target_action.lost": translate("Messages", "Leave them out of paid campaigns; one last win-back message at most."),
        "export.target_action.prospects": translate("Messages", "No order yet: a first-order coupon."),
        "export.target.written": translate("Messages", "Wrote {count} members to \"{path}\"."),
        "export.target.written.one": translate("Messages", "Wrote {count} member to \"{path}\"."),
        # -- campaigns and the festival calendar (promotions) --
        "change.campaign.created": translate("Messages", "new campaign \"{name}\""),
        "change.campaign.edited": translate("Messages", "campaign \"{name}\" changed"),
        "change.campaign.deleted": translate("Messages", "campaign \"{name}\" deleted"),
        "change.calendar_event.added": translate("Messages", "calendar event \"{name}\""),
        "change.calendar_event.deleted": translate("Messages", "calendar event \"{name}\" removed"),
        "campaign.refused.unknown": translate("Messages", "There is no campaign number {campaign} in this shop."),
        "campaign.refused.unknown_event": translate("Messages", "There is no calendar event number {event} in this shop."),
        "campaign.refused.name": translate("Messages", "Give the campaign a name (at most 200 characters)."),
        "campaign.refused.kind": translate("Messages", "\"{kind}\" is not a kind of campaign Shopkeeper knows."),
        "campaign.refused.dates": translate("Messages", "The campaign ends ({end}) before it starts ({start})."),
        "campaign.refused.percent": translate("Messages", "A percentage off must be more than 0 and less than 100, with at most two decimals ({value})."),
        "campaign.refused.amount": translate("Messages", "The {field} must be a positive amount with at most two decimals ({value})."),
        "campaign.refused.missing": translate("Messages", "This kind of campaign needs a {field}."),
        "campaign.refused.buy_get": translate("Messages", "Buy X get Y needs two whole numbers from 1 to 1000 (buy {buy}, get {get})."),
        "campaign.refused.tiers": translate("Messages", "Spend-and-save needs at least one tier; a coupon exactly one (spend threshold and amount off)."),
        "campaign.refused.tier_off": translate("Messages", "A tier cannot take off as much as is spent (spend {threshold}, off {off})."),
        "campaign.refused.redo_stale": translate("Messages", "Cannot redo: \"{name}\" was changed since the undo."),
        "campaign.field.amount_off": translate("Messages", "amount off"),
        "campaign.field.fixed_price": translate("Messages", "set price"),
        "campaign.field.threshold": translate("Messages", "spend threshold"),
        "campaign.field.budget": translate("Messages", "budget"),
        "campaign.field.target_units": translate("Messages", "expected units"),
        "campaign.field.uplift": translate("Messages", "expected uplift"),
        "campaign.warning.stacks": translate("Messages", "{count} SKUs are also in {others} on overlapping days: the discounts stack down to {price} ({sku})"),
        "campaign.warning.stacks.one": translate("Messages", "{count} SKU is also in {others} on overlapping days: the discounts stack down to {price} ({sku})"),
        "campaign.warning.no_skus": translate("Messages", "No products in scope yet"),
        "campaign.warning.no_price": translate("Messages", "{count} SKUs in scope have no list price"),
        "campaign.warning.no_price.one": translate("Messages", "{count} SKU in scope has no list price"),
        "campaign.warning.other_currency": translate("Messages", "{count} SKUs in scope are priced in another currency than the campaign's {currency}: its amounts do not apply to them"),
        "campaign.warning.other_currency.one": translate("Messages", "{count} SKU in scope is priced in another currency than the campaign's {currency}: its amounts do not apply to it"),
        "campaign.task.signup": translate("Messages", "Sign up for the platform's event (sign-up deadline)"),
        "campaign.task.stock": translate("Messages", "Order stock for the event"),
        "campaign.task.visuals": translate("Messages", "Visuals: banners and main images"),
        "campaign.task.copy": translate("Messages", "Copy: titles and selling points"),
        "campaign.task.listing": translate("Messages", "Listing changes: prices, coupons, tags"),
        "campaign.task.cs_scripts": translate("Messages", "Customer-service scripts"),
        "campaign.task.logistics": translate("Messages", "Logistics: courier capacity and packing"),
        "campaign.task.other": translate("Messages", "Task {key}"),
        "campaign.refused.unknown_task": translate("Messages", "There is no checklist task {task} in this shop."),
        "campaign.refused.platform": translate("Messages", "\"{platform}\" is not a platform Shopkeeper knows."),
        "campaign.field.min_margin": translate("Messages", "minimum margin"),
        "campaign.field.fee": translate("Messages", "platform fee"),
        "change.campaign.task_done": translate("Messages", "ticked off \"{task}\" of \"{campaign}\""),
        "change.campaign.task_reopened": translate("Messages", "reopened \"{task}\" of \"{campaign}\""),
        "change.campaign.template": translate("Messages", "checklist template task {key}"),
        "change.campaign.tasks_done": translate("Messages", "ticked off {count} checklist tasks"),
        "change.campaign.tasks_done.one": translate("Messages", "ticked off {count} checklist task"),
        "change.campaign.template_many": translate("Messages", "checklist template ({count} tasks)"),
        "campaign.calendar.note": translate("Messages", "worst margin {margin} % · {stock}"),
        "campaign.calendar.stock_ok": translate("Messages", "stock lasts"),
        "campaign.calendar.stock_short": translate("Messages", "{units} units short"),
        "campaign.calendar.stock_unknown": translate("Messages", "stock not checked: SKUs never counted"),
        "campaign.calendar.task": translate("Messages", "{campaign}: {task}"),
        "change.campaign.check_settings": translate("Messages", "campaign check settings"),
        "campaign.warning.below_cost": translate("Messages", "{count} SKUs sell below cost after fees (worst: {sku} at {price}, cost {cost})"),
        "campaign.warning.below_cost.one": translate("Messages", "{count} SKU sells below cost after fees ({sku} at {price}, cost {cost})"),
        "campaign.warning.below_min": translate("Messages", "{count} SKUs keep less than the {min} % minimum margin (worst: {sku}, {margin} %)"),
        "campaign.warning.below_min.one": translate("Messages", "{count} SKU keeps less than the {min} % minimum margin ({sku}, {margin} %)"),
        "campaign.warning.no_cost": translate("Messages", "{count} SKUs in scope have no cost: their margin cannot be checked"),
        "campaign.warning.no_cost.one": translate("Messages", "{count} SKU in scope has no cost: its margin cannot be checked"),
        "campaign.warning.stock_unknown": translate("Messages", "{count} SKUs in scope were never counted: their stock cannot be checked (e.g. {sku}); type their counts in Listings & Inventory"),
        "campaign.warning.stock_unknown.one": translate("Messages", "{count} SKU in scope was never counted: its stock cannot be checked ({sku}); type its count in Listings & Inventory"),
        "campaign.warning.fees_unknown": translate("Messages", "Platform fees not set for {platforms}: margins are before their fees"),
        "campaign.warning.stock_out": translate("Messages", "{count} SKUs are likely to run out: order {qty} of {sku} by {by} (expected to sell {expected}, {on_hand} on hand)"),
        "campaign.warning.stock_out.one": translate("Messages", "{count} SKU is likely to run out: order {qty} of {sku} by {by} (expected to sell {expected}, {on_hand} on hand)"),
        "campaign.warning.order_late": translate("Messages", "{count} SKUs are likely to run out and the lead time has passed: {sku} needs {qty} more (should have been ordered by {by}; expected to sell {expected}, {on_hand} on hand)"),
        "campaign.warning.order_late.one": translate("Messages", "{count} SKU is likely to run out and the lead time has passed: {sku} needs {qty} more (should have been ordered by {by}; expected to sell {expected}, {on_hand} on hand)"),
        "campaign.warning.lowest_price": translate("Messages", "最低价 reminder: {count} SKUs are not below their lowest price of the last 30 days (e.g. {sku}: {price}, lowest {lowest}); the platform may refuse the event price or the discount claim"),
        "campaign.warning.lowest_price.one": translate("Messages", "最低价 reminder: {count} SKU is not below its lowest price of the last 30 days ({sku}: {price}, lowest {lowest}); the platform may refuse the event price or the discount claim"),
        "campaign.kind.spend_save": translate("Messages", "Spend and save (满减)"),
        "campaign.kind.percent_off": translate("Messages", "Percent off"),
        "campaign.kind.fixed_off": translate("Messages", "Fixed amount off"),
        "campaign.kind.flash_price": translate("Messages", "Time-limited price (限时折扣)"),
        "campaign.kind.buy_x_get_y": translate("Messages", "Buy X get Y"),
        "campaign.kind.free_shipping": translate("Messages", "Free shipping (包邮)"),
        "campaign.kind.coupon": translate("Messages", "Coupon"),
        "campaign.kind.bundle_price": translate("Messages", "Bundle price"),
        "festival.618": translate("Messages", "618 mid-year sale"),
        "festival.double11": translate("Messages", "Double 11"),
        "festival.double12": translate("Messages", "Double 12"),
        "festival.new_year_fair": translate("Messages", "New Year goods fair (年货节)"),
        "festival.chinese_new_year": translate("Messages", "Chinese New Year"),
        "festival.courier_shutdown": translate("Messages", "Couriers stop for the New Year"),
        "festival.women_day": translate("Messages", "Women's Day (38节)"),
        "festival.520": translate("Messages", "520 (I love you day)"),
        "festival.qixi": translate("Messages", "Qixi (Chinese Valentine's Day)"),
        "festival.mid_autumn": translate("Messages", "Mid-Autumn Festival"),
        "festival.black_friday": translate("Messages", "Black Friday"),
        "festival.cyber_monday": translate("Messages", "Cyber Monday"),
        "festival.christmas": translate("Messages", "Christmas"),
        "festival.valentines": translate("Messages", "Valentine's Day"),
        "festival.mothers_day": translate("Messages", "Mother's Day"),
        "festival.singles_day": translate("Messages", "Singles' Day"),
        "festival.prime_day": translate("Messages", "Prime Day"),
        # Catalogue: channel links and the SKU mapping file.
        "change.link.linked": translate("Messages", "link {shop} {channel_sku} → {master}"),
        "change.link.confirmed": translate("Messages", "link {shop} {channel_sku} → {master} (suggested)"),
        "change.link.unlinked": translate("Messages", "keep {shop} {channel_sku} unlinked"),
        "change.link.many": translate("Messages", "{count} channel links"),
        "change.link.mapping": translate("Messages", "SKU mapping \"{file}\" ({count} link(s))"),
        "change.redo.stale_link": translate("Messages", "Cannot redo change #{change_set}: the link of {channel_sku} in {shop} was changed since."),
        "edit.refused.link_unknown_shop": translate("Messages", "There is no platform shop {shop} in this shop file."),
        "edit.refused.link_unknown_master": translate("Messages", "There is no SKU {sku} in the catalogue to link to."),
        "edit.refused.link_chain": translate("Messages", "{sku} cannot be linked to {master}: one of them is linked to another SKU already. Link both to the same master SKU."),
        "edit.refused.link_no_suggestion": translate("Messages", "There is no suggestion to confirm for {channel_sku} in {shop}."),
        "import.sku_map.empty": translate("Messages", "\"{file}\" is empty; nothing was imported."),
        "import.sku_map.header": translate("Messages", "\"{file}\" lacks the column(s) {columns} (the header must be: platform, shop, channel_sku, master_sku); nothing was imported."),
        "import.sku_map.read": translate("Messages", "Could not read \"{file}\": {reason}"),
        "export.sku_map.write": translate("Messages", "Could not write \"{file}\": {reason}"),
        "import.sku_map.lines": translate("Messages", "\"{file}\" was not imported: {count} line(s) have problems: {problems}"),
        "import.sku_map.line.no_channel_sku": translate("Messages", "{file} line {line}: no channel SKU"),
        "import.sku_map.line.unknown_shop": translate("Messages", "{file} line {line}: there is no {platform} shop \"{shop}\""),
        "import.sku_map.line.unknown_master": translate("Messages", "{file} line {line}: there is no SKU {sku} in the catalogue"),
        "export.sku_map.written": translate("Messages", "Wrote {count} channel items to \"{path}\"."),
        "export.sku_map.written.one": translate("Messages", "Wrote {count} channel item to \"{path}\"."),
        "import.sku_map.nothing_changed": translate("Messages", "\"{file}\" changes no link; the shop is as it was."),
        # Bundles and multipacks (services/bundles.py)
        "field.bundle_parts": translate("Messages", "parts of a bundle"),
        "change.bundle.parts": translate("Messages", "parts of {bundle}: {parts}"),
        "change.bundle.cleared": translate("Messages", "{bundle} no longer a bundle"),
        "edit.bundle.unknown_part": translate("Messages", "The part {part} of {bundle} is not a product of this shop."),
        "edit.bundle.itself": translate("Messages", "{bundle} cannot be a part of itself."),
        "edit.bundle.cycle": translate("Messages", "{part} cannot be a part of {bundle}: {part} is made of {bundle} already."),
        "edit.bundle.quantity": translate("Messages", "The quantity of {part} in {bundle} must be a whole number of at least 1 ({value})."),
        # -- members: one member per person (merge, split, not the same) -----------------------
        "change.member.merge": translate("Messages", "merge of {count} members into {name}"),
        "change.member.split": translate("Messages", "split of {count} accounts off {name}"),
        "change.member.not_same": translate("Messages", "{a} and {b} are different people"),
        "change.redo.member_gone": translate("Messages", "Cannot redo change #{change_set}: member {member} is no longer in this shop."),
        "edit.refused.unknown_member": translate("Messages", "There is no member {member} in this shop."),
        "edit.refused.merge_too_few": translate("Messages", "Choose at least two members to merge."),
        "edit.refused.merge_own_points": translate("Messages", "{name} has points given or spent by hand, which a merge cannot carry over; nothing was merged."),
        "edit.refused.split_not_its_account": translate("Messages", "{account} is not an account of {name}."),
        "edit.refused.split_all": translate("Messages", "Choose some of {name}'s accounts to split off, not all of them."),
        # Loyalty settings, tiers and points entries (issue 10 items 2-3)
        "change.edit.loyalty": translate("Messages", "loyalty settings: {count} changed"),
        "change.points.adjust": translate("Messages", "points of {member}: {points:+,}"),
        "change.points.redeem": translate("Messages", "redemption of {member}: {points:,} points"),
        "edit.refused.loyalty_setting": translate("Messages", "The loyalty setting {setting} cannot be \"{value}\"."),
        "edit.refused.bonus_platform": translate("Messages", "The bonus event \"{event}\" names the platform \"{platform}\", which is no platform Shopkeeper knows: choose the platform from the list, or every platform."),
        "edit.refused.tier_name": translate("Messages", "Tier {tier} needs a name in both languages."),
        "edit.refused.tier_multiplier": translate("Messages", "The points multiplier of {tier} must be above 0 and at most 100, not {value}."),
        "edit.refused.tier_keep_above": translate("Messages", "The keep threshold of {tier} cannot be above its entry threshold."),
        "edit.refused.tier_thresholds": translate("Messages", "{higher} must need more than {lower}."),
        "edit.refused.tier_set": translate("Messages", "Tiers can be changed, not added or removed."),
        "edit.refused.points_amount": translate("Messages", "{points} is not a number of points that can be added or spent."),
        "edit.refused.points_reason": translate("Messages", "An adjustment of points needs a reason."),
        "edit.refused.points_member": translate("Messages", "There is no member {member} in this shop."),
        "edit.refused.points_not_enough": translate("Messages", "Cannot spend {points} points: {available} are available now (pending points cannot be spent)."),
        "change.refund_tags.order": translate("Messages", "tags of order {order}: {tags}"),
        "change.refund_tags.orders": translate("Messages", "tags of {count} orders"),
        "change.refund_tags.orders.one": translate("Messages", "tags of {count} order"),
        "change.refund_tags.names": translate("Messages", "after-sales tag list: {added} added, {removed} removed"),
        "change.product_tags.sku": translate("Messages", "tags of {sku}: +{added} −{removed}"),
        "change.product_tags.skus": translate("Messages", "tags of {count} SKUs: +{added} −{removed}"),
        "change.product_tags.skus.one": translate("Messages", "tags of {count} SKU: +{added} −{removed}"),
        "change.product_tags.sku_added": translate("Messages", "tags of {sku}: +{added}"),
        "change.product_tags.sku_removed": translate("Messages", "tags of {sku}: −{removed}"),
        "change.product_tags.skus_added": translate("Messages", "tags of {count} SKUs: +{added}"),
        "change.product_tags.skus_added.one": translate("Messages", "tags of {count} SKU: +{added}"),
        "change.product_tags.skus_removed": translate("Messages", "tags of {count} SKUs: −{removed}"),
        "change.product_tags.skus_removed.one": translate("Messages", "tags of {count} SKU: −{removed}"),
        "change.redo.stale_product_tags": translate(
            "Messages", "Cannot redo: the tags of {sku} changed since."),
        "edit.product_tags.empty": translate("Messages", "Type a tag to add or remove."),
        "edit.product_tags.unknown_sku": translate("Messages", "There is no SKU {sku} in this shop."),
        "edit.refund_tags.unknown_order": translate("Messages", "There is no order {order} of {shop} in this shop."),
        "edit.refund_tags.unknown_tag": translate("Messages", '"{tag}" is not in the after-sales tag list; add it to the list first.'),
        "edit.refund_tags.empty_name": translate("Messages", "An after-sales tag needs a name."),
        "change.redo.stale_tags": translate("Messages", "Cannot redo: the tags of order {order} changed since."),
        "export.table.format": translate("Messages", "Shopkeeper writes spreadsheets as .csv or .xlsx; \"{path}\" is neither. Name the file .csv or .xlsx."),
        "export.table.written": translate("Messages", "Wrote {count} rows of {table} to \"{path}\"."),
        "export.table.written.one": translate("Messages", "Wrote {count} row of {table} to \"{path}\"."),
        "privacy.period.bad": translate("Messages", "\"{value}\" is not a period: write a number of days (365d), months (12m) or years (2y)."),
        "privacy.period.range": translate("Messages", "\"{value}\" is outside what Shopkeeper accepts: between {min} and {max} days."),
        "privacy.purge.preview": translate("Messages", "{people} people have had no order since {cutoff}: their names, e-mails, phones and buyer accounts would be erased. Nothing was changed; run again with --yes to erase them. An erasure cannot be undone."),
        "privacy.purge.done": translate("Messages", "Erased the names, e-mails, phones and buyer accounts of {people} people with no order since {cutoff}. Their orders, totals and counts stay in the figures."),
        "privacy.purge.none": translate("Messages", "No one to erase: everyone whose details the shop holds has ordered since {cutoff}."),
        "privacy.erase.preview": translate("Messages", "Member {member} ({buyers} buyer accounts): their name, e-mail, phone and buyer accounts would be erased everywhere in this shop. Nothing was changed; run again with --yes. An erasure cannot be undone."),
        "privacy.erase.done": translate("Messages", "Erased member {member}'s personal data ({buyers} buyer accounts); their orders stay in the figures without it."),
        "privacy.erase.unknown": translate("Messages", "There is no member {member} in this shop."),
        "privacy.retention.on": translate("Messages", "Personal data of people with no order in {days} days is erased each time the shop opens."),
        "privacy.retention.off": translate("Messages", "Personal data is kept until you erase it: no automatic erasure is set."),
    }


# Parameters that carry a shop's key ('shopify:Demo shop'): the window names the shop as the seller knows it.
_SHOP_KEYS = frozenset({"low_shop", "high_shop"})


def list_separator(*, sentences: bool = False) -> str:
    """What joins the items of a list in the window's language: names and values ("North; South", 北店、南店), or
    sentences and clauses (…；…)."""
    if sentences:
        return QCoreApplication.translate("Messages", "; ", "between the sentences of a list in a message")
    return QCoreApplication.translate("Messages", "; ", "between the names or values of a list in a message")


def window_text(message: Message) -> str:
    """The message in the window's language; a code this window does not know is shown in English."""
    texts = window_texts()
    joins = (list_separator(), list_separator(sentences=True))

    def render(nested: Message) -> str:
        template = texts.get(singular(nested, texts))
        if template is None:
            return english(nested)
        params = {k: shop_label(v) if k in _SHOP_KEYS and isinstance(v, str)
                  else format_label(v) if k == "label" and isinstance(v, str)
                  else platform_label(v) if k == "platform" and isinstance(v, str) and v else v
                  for k, v in nested.params.items()}
        return fill(template, params, render, joins)

    return render(message)
