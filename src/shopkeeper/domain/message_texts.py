"""Every message code the core gives, with its English wording.

This is the registry of codes: the command line and the log render a
`Message` through `english`; the window has its own catalogue
(ui/message_texts.py) with the same codes, translated. A template names its
parameters as `{name}` (with a format spec where a count wants thousands
separators, `{rows:,}`); a parameter that is itself a `Message` is rendered in
the same language, a list joined with "; " (the window joins them as its language does: `fill`'s
`joins`).

Codes under `import.file.` complete a sentence whose subject is a file or a
table ("orders.csv" + "is empty (0 bytes)"); `import.refused.the_file` and
`import.refused.table_is` give them that subject.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Container, Mapping
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from shopkeeper.domain.messages import Message

ENGLISH: Mapping[str, str] = {
    # -- titles of error dialogs --------------------------------------------------------------------
    "title.shopkeeper": "Shopkeeper",
    "title.file_refused": "File not imported",
    "title.shop_locked": "Shop already open",
    "title.disk_full": "Disk full",
    "title.newer_shop": "Shop made by a newer Shopkeeper",
    "title.damaged_shop": "Shop file cannot be read",
    "title.read_only_shop": "Shop file is read-only",
    "title.not_a_shop": "Not a Shopkeeper shop",
    "title.shop_not_empty": "Shop is not empty",
    # -- the shop file ------------------------------------------------------------------------------
    "shop.locked": 'The shop "{shop}" is already open in another Shopkeeper window or program. '
                   "Close it there, or open a different shop.",
    "shop.locked_by_process": 'The shop "{shop}" is already open in another Shopkeeper window or program '
                              "(process {pid}). Close it there, or open a different shop.",
    "shop.disk_full": 'The disk holding "{shop}" is full. Free some space and try again.',
    "shop.newer": 'The shop "{shop}" was written by a newer version of Shopkeeper. '
                  "Install the latest Shopkeeper to open it.",
    "shop.newer_data_version": 'The shop "{shop}" was saved by a newer Shopkeeper (data version {version}; '
                               "this Shopkeeper {app_version} knows up to {latest}). "
                               "Install the latest Shopkeeper to open it; the file was not changed.",
    "shop.read_only": 'Shopkeeper cannot write to "{shop}". Check that the file and its folder are writable.',
    "shop.damaged": 'The shop "{shop}" is damaged and cannot be read. {advice}',
    "shop.damaged_unchanged": 'The shop "{shop}" is damaged and cannot be read. It was not changed. {advice}',
    "shop.restore.from_backup": "Restore it from a backup.",
    "shop.restore.latest_good_backup": 'Its latest good backup is "{backup}" (taken {taken}): restore it with '
                                       'File > Restore, or with: shopkeeper restore "{backup}" --db "{shop}" '
                                       "(the damaged file is kept among the backups).",
    "shop.restore.no_backup": 'There is no backup of it in "{folder}": restore a backup you keep elsewhere '
                              "(File > Restore, or shopkeeper restore FILE), or import your exports into a new shop.",
    "shop.backup.missing": 'There is no backup file at "{backup}".',
    "shop.backup.not_a_shop": '"{backup}" is not a backup of a Shopkeeper shop. Nothing was restored.',
    "shop.backup.damaged": 'The backup "{backup}" is damaged and cannot be read whole. Nothing was restored; '
                           "choose another backup.",
    "shop.backup.newer": 'The backup "{backup}" was saved by a newer Shopkeeper (data version {version}; this one '
                         "knows up to {latest}). Nothing was restored; install the latest Shopkeeper to restore it.",
    "shop.backup.is_the_shop": '"{backup}" is the shop file itself, not a backup of it.',
    "shop.backup.disk_full": 'The disk holding "{folder}" is full: there is no room for the backup, so it was not '
                             "made. The shop was not changed; free some space and try again.",
    "shop.backup.disk_full_before_import": 'The disk holding "{folder}" is full: there is no room for the backup '
                                           "Shopkeeper makes before an import, so nothing was imported and the shop "
                                           "was not changed. Free some space and import again.",
    "shop.backup.cannot_write": 'The backup could not be written in "{folder}" ({reason}). The shop was not changed.',
    "shop.other_programs_database": '"{shop}" is a database of another program, not a Shopkeeper shop. '
                                    "It was not changed; open a Shopkeeper shop, or create a new one.",
    "shop.not_a_shop_file": '"{shop}" is not a Shopkeeper shop file (it is some other kind of file). '
                            "It was not changed; choose the shop file itself.",
    "shop.is_a_folder": '"{shop}" is a folder, not a shop file.',
    "shop.missing": 'There is no shop file at "{shop}". Check the path, or create a shop by importing '
                    "files into it (shopkeeper import FILE --db PATH).",
    "shop.write_failed": "{cause} {state}",
    # -- what an interrupted import left in the shop ------------------------------------------------
    "import.state.kept": "{name} was imported and kept; importing it again says already imported.",
    "import.state.kept_with_earlier": "{name} was imported and kept; importing it again says already imported. "
                                      "Files listed above as imported were kept.",
    "import.state.not_kept": "{name} was not imported; the shop is as it was before.",
    "import.state.not_kept_with_earlier": "{name} was not imported. Files listed above as imported were kept.",
    "import.state.unknown": "Shopkeeper could not check whether {name} was kept: import it again to find out "
                            "(it says already imported if it was).",
    "import.state.unknown_with_earlier": "Shopkeeper could not check whether {name} was kept: import it again to "
                                         "find out (it says already imported if it was). "
                                         "Files listed above as imported were kept.",
    # -- undoing an import --------------------------------------------------------------------------
    "import.undo.no_such_import": "There is no import number {batch} in this shop.",
    # -- the demo shop and saved column mappings ----------------------------------------------------
    "demo.shop_exists": '"{shop}" already exists. Pass --force to replace it with the demo shop.',
    "demo.shop_not_empty": "This shop already holds orders, so the demo shop was not added. "
                           "Create a new, empty shop to explore the demo.",
    "mapping.name_missing": "Give the mapping a name.",
    "mapping.name_taken": 'A mapping named "{name}" already exists for files of another shape. '
                          "Choose another name.",
    "mapping.unknown_kind": "Unknown kind of table {kind}; choose one of {kinds}.",
    # -- one line per imported table ----------------------------------------------------------------
    "import.outcome.imported": "{name}: {label}, {read:,} rows read, {added:,} added, {updated:,} updated, "
                               "{rejected:,} rejected",
    "import.outcome.imported_with_rejects": "{name}: {label}, {read:,} rows read, {added:,} added, "
                                            "{updated:,} updated, {rejected:,} rejected (see report)",
    # Rows the shop already held as they are: named when there are any, so the line adds up to rows read.
    "import.outcome.imported_unchanged": "{name}: {label}, {read:,} rows read, {added:,} added, "
                                         "{updated:,} updated, {unchanged:,} unchanged, {rejected:,} rejected",
    "import.outcome.imported_unchanged_with_rejects": "{name}: {label}, {read:,} rows read, {added:,} added, "
                                                      "{updated:,} updated, {unchanged:,} unchanged, "
                                                      "{rejected:,} rejected (see report)",
    # A file of one row says "row" (the other counts are of rows too, but read as "1 added").
    "import.outcome.imported_one_row": "{name}: {label}, {read:,} row read, {added:,} added, {updated:,} updated, "
                                       "{rejected:,} rejected",
    "import.outcome.imported_one_row_with_rejects": "{name}: {label}, {read:,} row read, {added:,} added, "
                                                    "{updated:,} updated, {rejected:,} rejected (see report)",
    "import.outcome.imported_one_row_unchanged": "{name}: {label}, {read:,} row read, {added:,} added, "
                                                 "{updated:,} updated, {unchanged:,} unchanged, {rejected:,} rejected",
    "import.outcome.already_imported": "{name}: already imported on {when}, nothing changed",
    "import.outcome.refused": "{name}: refused — {reason}",
    "import.outcome.summary_checked": "{name}: Alipay ledger summary, checked: {detail} adds up to its totals",
    "import.outcome.summary_unchecked": "{name}: Alipay ledger summary, not checked: {rejected:,} rows of {detail} "
                                        "were rejected (see its report)",
    # -- why a file or table is refused (a whole clause) --------------------------------------------
    "import.refused.the_file": "the file {what}",
    "import.refused.no_readable_table": "{problems}",
    "import.refused.table_is": "{table} {what}",
    "import.refused.table_gone": "the file no longer holds the table {table}",
    "import.refused.unknown_format": "unknown export format: map its columns in the Shopkeeper window "
                                     "(File > Import…) or pass --mapping NAME",
    "import.refused.no_such_mapping": 'there is no saved column mapping named "{name}"',
    "import.refused.mapping_not_importable": 'the saved mapping "{name}" is for {platform} {kind}, '
                                             "which cannot be imported yet",
    "import.refused.mapping_damaged": 'the saved mapping "{name}" is damaged',
    "import.refused.mapping_lacks_columns": 'the saved mapping "{name}" needs columns this file does not have '
                                            "({fields})",
    "import.refused.unknown_platform": "the platform '{platform}' is not known to this shop",
    "import.refused.which_shop": ("this shop file has several {platform} shops ({shops}) and the file does not say "
                                  "which it is from: import it again with --shop NAME"),
    "import.refused.header_without_rows": "the file has a header but no rows",
    "import.refused.summary_totals_differ": ("its {which} adds up to {rows}, but {summary}, downloaded with it, "
                                             "says {stated}: neither file was imported; download the zip again"),
    "import.refused.summary_pair_differs": ("{detail} adds up to {rows} of {which}, but this summary says {stated}: "
                                            "neither file was imported; download the zip again"),
    "import.refused.summary_detail_refused": "it is the summary of {detail}, which was refused",
    "import.refused.summary_without_detail": ("it is the summary (账务汇总) of an Alipay ledger and holds no "
                                              "movements: import the zip as downloaded, with its 账务明细"),
    "import.refused.date_order_mixed": ("its dates are written both day first (25/11/2026) and month first "
                                        "(11/25/2026), so none can be trusted: download the report again"),
    "import.refused.date_order_ambiguous": ("its dates (like {example}) read both day first and month first, and "
                                            "it names no currency or marketplace that says which: download it "
                                            "with its Currency column"),
    "import.refused.ledger_totals_differ": ("its rows add up to {rows}, but its own {which} says {stated}: "
                                            "the file is incomplete or was changed; download it again"),
    "import.refused.only_row_unreadable": "its only row could not be read (first problem: row {row}: {problem})",
    "import.refused.only_row_unreadable_in_column": "its only row could not be read "
                                                    "(first problem: row {row}, {column}: {problem})",
    "import.refused.no_row_readable": "none of its {rows:,} rows could be read (first problem: row {row}: {problem})",
    "import.refused.no_row_readable_in_column": "none of its {rows:,} rows could be read "
                                                "(first problem: row {row}, {column}: {problem})",
    "import.refused.text_after_quote": "the file has text right after a closing quote, so its values cannot be "
                                       "told apart; fix that line or export the file again",
    "import.refused.text_after_quote_on_line": "the file has text right after a closing quote on line {line}, so "
                                               "its values cannot be told apart; fix that line or export the file "
                                               "again",
    "import.refused.ids_damaged": "the ids in {column} were damaged by a spreadsheet program ({damaged:,} of "
                                  "{total:,} ids, the first on row {row}: {value}): Excel shows long numbers in "
                                  "scientific notation and saves them that way, or rounds them after 15 digits; "
                                  "export the file again from the platform and import that file as it comes, "
                                  "without opening and saving it in a spreadsheet (or, in Excel, format the id "
                                  "column as Text before saving)",
    "import.refused.not_imported": "could not be imported ({detail})",
    # -- what a file or table is, when it cannot be imported (completes "<file> …") -----------------
    "import.file.cannot_open": "could not be opened ({detail})",
    "import.file.not_allowed": "could not be opened: this account is not allowed to read it",
    "import.file.unreadable": "could not be read ({detail})",
    "import.file.work_disk_full": "could not be unpacked: the disk holding the work folder {folder} is full. "
                                  "Nothing was imported from it; free some space and import it again",
    "import.file.folder": "is a folder, not a file",
    "import.file.pipe": "is a pipe (FIFO), not a file; only saved files can be imported",
    "import.file.device": "is a device, not a file; only saved files can be imported",
    "import.file.socket": "is a socket, not a file; only saved files can be imported",
    "import.file.special": "is a special file, not a file; only saved files can be imported",
    "import.file.empty": "is empty (0 bytes)",
    "import.file.blank": "is empty (it holds only blank space)",
    "import.file.binary": "contains binary data, not text",
    "import.file.not_in_encoding": "is not valid {encoding} text",
    "import.file.not_utf8": "is not valid UTF-8 text; it needs to be read again in another encoding",
    "import.file.not_utf8_near_line": "is not valid UTF-8 text near line {line}; it needs to be read again in "
                                      "another encoding",
    "import.file.unclosed_quote": "has a quoted value that never closes",
    "import.file.unclosed_quote_near_line": "has a quoted value that never closes near line {line}",
    "import.file.unclosed_quote_to_end": "has a quoted value that never closes: the quote on line {line} runs to "
                                         "the end of the file, so every later row would end up in one cell. Fix "
                                         "that line or export the file again",
    "import.file.row_too_long": "has a row longer than {size} MiB",
    "import.file.row_too_long_near_line": "has a row longer than {size} MiB near line {line}",
    "import.file.unreadable_csv": "could not be read: {detail}",
    "import.file.unreadable_csv_near_line": "could not be read near line {line}: {detail}",
    "import.file.no_header_row": "has no header row in its first {lines} lines: every line looks like data",
    "import.file.pdf": "is a PDF document, not a table",
    "import.file.image": "is a {format} image, not a table",
    "import.file.media": "is an image, sound or video file, not a table",
    "import.file.7z": "is a 7-Zip archive, which this app cannot open; unpack it first, not a table",
    "import.file.rar": "is a RAR archive, which this app cannot open; unpack it first, not a table",
    "import.file.program": "is a program, not a table",
    "import.file.rtf": "is an RTF document, not a table",
    "import.file.database": "is a database file, not a table",
    "import.file.web_page": "is a web page or XML file, not a table export; open it in Excel and save it as "
                            ".xlsx or CSV",
    "import.file.damaged_zip": "looks like a zip archive but is damaged ({detail})",
    "import.file.office_document": "is a Word, PowerPoint or other Office document, not a spreadsheet",
    "import.file.nested_too_deep": "is an archive nested too deeply to open",
    "import.file.compressed_nested_too_deep": "is a compressed file nested too deeply to open",
    "import.file.too_many_members": "is an archive with {count:,} files, more than the {limit:,} Shopkeeper "
                                    "imports from one archive; unpack it and import the tables in smaller groups",
    "import.file.unsafe_member": "contains a file named '{member}' that points outside the archive; "
                                 "it was not opened",
    "import.file.zip_bomb_member": "is an archive whose '{member}' would unpack from {packed} to {unpacked}, "
                                   "far more than any export (a zip bomb); it was not opened",
    "import.file.zip_bomb": "is a compressed file that unpacks to more than {ratio} times its size, far more than "
                            "any export (a zip bomb); it was not opened",
    "import.file.too_big_unpacked": "would unpack to more than {limit}; unpack it yourself and drop the tables "
                                    "one by one",
    "import.file.damaged_archive": "is damaged and could not be unpacked ({detail})",
    "import.file.no_tables_in_archive": "is an archive with no tables inside: {skipped}",
    "import.file.empty_archive": "is an archive with no tables inside: it is empty",
    "import.file.skipped_member": "{member} ({why})",
    "import.file.password_protected": "password-protected",
    "import.file.sheets_empty": "is a spreadsheet whose sheets are all empty",
    "import.file.not_a_spreadsheet": "could not be read as a spreadsheet ({detail})",
    "import.file.sheet_too_big": "is a workbook that holds {size} of sheet data, more than Shopkeeper can load "
                                 "(at most {limit} a sheet); save the sheet as CSV and import that",
    "import.file.sheet_too_many_cells": "is a workbook that has a sheet spanning {rows:,} rows × {columns:,} "
                                        "columns, more than Shopkeeper can load (at most {limit:,} cells a "
                                        "sheet); save the sheet as CSV and import that",
    # -- why one row of a file was not imported (stored with the import) ----------------------------
    "reject.as_written": "{text}",
    "reject.not_an_amount": "not an amount",
    "reject.not_a_number": "not a number",
    "reject.not_a_whole_number": "not a whole number",
    "reject.not_yes_no": "not yes/no",
    "reject.not_a_date_time": "not a date and time",
    "reject.id_damaged": "the id was damaged by a spreadsheet program; export the file again and import it as "
                         "it comes",
    "reject.cut_row": "the file ends in the middle of this row (it was cut short)",
    "reject.other_row_of_order": "another row of this order could not be read (row {row})",
    "reject.other_item_of_order": "another item of this order could not be read (row {row})",
    "reject.missing_order_id": "missing order id",
    "reject.missing_return_quantity": "missing the number of units returned",
    "reject.return_order_not_in_shop": "this order is not in the shop yet: import the orders report first",
    "reject.return_sku_not_in_order": "this order holds no line of this SKU",
    "reject.missing_order_number": "missing order number",
    "reject.missing_order_name": "missing order name",
    "reject.missing_order_time": "missing order time",
    "reject.missing_order_date": "missing order date",
    "reject.missing_order_total": "missing order total",
    "reject.missing_purchase_date": "missing purchase date",
    "reject.missing_sale_date": "missing sale date",
    "reject.missing_date": "missing date",
    "reject.missing_sku": "missing SKU",
    "reject.missing_title": "missing title",
    "reject.same_title_without_sku": "the listing on row {row} has the same title and no SKU either: the two cannot "
                                     "be told apart, so this one was left out (give each a SKU in Etsy and export "
                                     "again)",
    "reject.missing_handle": "missing handle",
    "reject.missing_product_name": "missing product name",
    "reject.missing_product_id_and_sku": "missing product ID and SKU",
    "reject.missing_item_name": "missing item name",
    "reject.missing_item_title": "missing item title",
    "reject.missing_item_quantity": "missing item quantity",
    "reject.missing_item_price": "missing item price",
    "reject.missing_quantity": "missing quantity",
    "reject.missing_price": "missing price",
    "reject.missing_total_price": "missing total price",
    "reject.missing_amount": "missing amount",
    "reject.missing_movement_number": "missing movement number",
    "reject.missing_settlement_id": "missing settlement id",
    "reject.missing_sessions": "no sessions or page views",
    "reject.missing_order_and_record_number": "missing order number and sales record number",
    "reject.missing_line_item_name": "missing line item name",
    "reject.missing_line_item_quantity": "missing line item quantity",
    "reject.missing_line_item_price": "missing line item price",
    "reject.new_sku_needs_title": "a new SKU needs a title",
    "reject.product_without_title": "the product has no title in this file or in the shop",
    "reject.variation_needs_parent": "a variation needs its parent product",
    "reject.customer_unidentified": "no e-mail, customer id or phone to tell who the customer is",
    "reject.mapping_without_total_or_item": "the mapping has neither an order total nor a title or SKU",
    "reject.unreadable_line_items": "the line items in this cell could not be unpacked",
    "reject.line_item_without_name": "a line item has no name or SKU",
    "reject.line_item_without_quantity": "a line item has no whole-number quantity",
    "reject.line_item_without_total": "a line item has no total amount",
    # -- progress of an import ----------------------------------------------------------------------
    "progress.opening": "Opening {name}",
    "progress.backing_up": "Backing up the shop before the import",
    "progress.reading": "Reading {name}",
    "progress.checking_values": "Checking the values in {name}",
    "progress.sorting_orders": "Sorting orders and lines",
    "progress.sorting_money": "Sorting money movements",
    "progress.sorting_products": "Sorting products and SKUs",
    "progress.saving": "Saving",
    "progress.saving_orders": "Saving orders",
    "progress.saving_order_lines": "Saving order lines",
    "progress.saving_buyers": "Saving buyers and members",
    "progress.saving_products": "Saving products and stock",
    "progress.saving_money": "Saving money movements",
    "progress.import_finished": "Import finished",
    # -- progress of building the demo shop ---------------------------------------------------------
    "progress.demo.catalogue": "Designing the catalogue",
    "progress.demo.customers": "Inventing customers",
    "progress.demo.orders": "Taking two years of orders",
    "progress.demo.points": "Counting points and tiers",
    "progress.demo.settlements": "Importing settlements and payouts",
    "progress.demo.stock": "Planning stock and restocks",
    "progress.demo.writing": "Writing the demo shop",
    "progress.demo.writing_listings": "Writing listings and stock",
    "progress.demo.writing_customers": "Writing customers",
    "progress.demo.writing_orders": "Writing orders",
    "progress.demo.writing_order_lines": "Writing order lines",
    "progress.demo.writing_promotions": "Writing promotions",
    "progress.demo.done": "Done",
    # -- change sets: edits, undo and redo ------------------------------------------------------------
    "title.change_refused": "Change refused",
    "field.price": "price",
    "field.cost": "cost",
    "field.on_hand": "stock on hand",
    "field.reorder_point": "reorder point",
    "field.lead_time_days": "lead time (days)",
    "export.write_failed": "Could not write {path}: {reason}. Choose another folder or file name.",
    "field.safety_stock": "safety stock",
    "field.pack_size": "pack size",
    "field.min_order": "minimum order",
    "field.target_cover_days": "target cover (days)",
    "field.other": "{name}",
    "change.import": "import of \"{file}\"",
    "change.numbered": "#{number} {change}",
    "change.edit.price": "price of {sku} {old} → {new}",
    "change.edit.cost": "cost of {sku} {old} → {new}",
    "change.edit.on_hand": "stock of {sku} {old} → {new}",
    "change.edit.reorder_point": "reorder point of {sku} {old} → {new}",
    "change.edit.lead_time_days": "lead time of {sku} {old} → {new}",
    "change.edit.safety_stock": "safety stock of {sku} {old} → {new}",
    "change.edit.pack_size": "pack size of {sku} {old} → {new}",
    "change.edit.min_order": "minimum order of {sku} {old} → {new}",
    "change.edit.target_cover_days": "target cover of {sku} {old} → {new}",
    "change.edit.many": "{field} of {count} SKUs",
    "change.edit.many.one": "{field} of {count} SKU",
    "change.edit.mixed": "{count} changes",
    "change.edit.absolute_terms": "absolute-term list: {added} added, {removed} removed",
    "change.edit.price_tolerance": "price tolerance {old} % → {new} %",
    "change.edit.inventory_settings": "reorder settings ({count} changed)",
    "change.edit.exchange_rates": "exchange rates ({count} changed)",
    "change.edit.conversion_settings": "low-conversion thresholds ({count} changed)",
    "change.undone": "Undone: {change}",
    "change.redone": "Redone: {change}",

    "change.undo.nothing": "There is nothing to undo.",
    "change.redo.nothing": "There is nothing to redo.",
    "change.undo.already": "{change} was already undone.",
    "change.undo.blocked": "Later changes changed rows that {change} wrote: {blockers}. Undo those first.",
    "change.unknown": "There is no change number {change_set} in this shop.",
    "change.redo.stale": "Cannot redo: the {field} of {sku} is no longer {old}.",
    "change.redo.no_file": "Cannot redo the import of \"{file}\": the shop did not record where the file was.",
    "change.redo.file_missing": "Cannot redo the import of \"{file}\": the file is no longer at {path}.",
    "change.redo.file_changed": "Cannot redo the import of \"{file}\": the file at {path} has changed since.",
    "change.redo.refused": "Cannot redo the import of \"{file}\": {reason}",
    "change.redo.already": "Cannot redo the import of \"{file}\": it is imported already.",
    # -- listing checks (domain/listing_rules.py) ------------------------------------------------------
    "check.listing.title_too_long": "Title too long for {platform}: {length}, the limit is {limit}",
    "check.listing.absolute_terms": "Absolute terms in the title: {words}",
    "check.listing.absolute_terms_description": "Absolute terms in the description: {words}",
    "check.listing.missing_description": "No description on {platform}",
    "check.listing.missing_images": "No images on {platform}",
    "check.listing.duplicate_title": "Same title as {words} in this shop",
    "check.listing.price_spread": "Prices differ in {currency}: {low} ({low_shop}) to {high} ({high_shop})",
    "check.listing.unlinked_sku": "SKU {words} on {platform} is not in the catalogue",
    "check.refused.word_too_long": "\"{word}\" is too long for the word list (at most {limit} characters); "
                                   "the list was not changed.",
    "check.refused.tolerance": "\"{value}\" is not a price tolerance: give a percentage from 0 to {maximum}.",
    "edit.refused.not_editable": "The {field} of a {entity} cannot be edited.",
    "edit.refused.days_out_of_range": "{value} days is not a window: give 1 to {maximum} days.",
    "edit.refused.conversion_threshold": "{value} is not a threshold: give at least 1 session and 0 to 100 %.",
    "edit.refused.unknown_basis": "\"{value}\" is not a basis for demand: use recent or last_year.",
    "edit.refused.unknown_sku": "There is no product with SKU {sku} in this shop.",
    "edit.refused.required": "The {field} cannot be empty.",
    "edit.refused.not_a_number": "\"{value}\" is not a number; the {field} was not changed.",
    "edit.refused.negative": "The {field} cannot be negative ({value}).",
    "edit.refused.too_precise": "The {field} has more than two decimal places ({value}).",
    "edit.refused.too_large": "The {field} {value} is too large.",
    "edit.refused.not_whole": "The {field} must be a whole number ({value}).",
    "edit.refused.out_of_range": "The {field} must be between {minimum} and {maximum} ({value}).",
    "edit.refused.bundle_stock": "{sku} is a bundle: its stock is what its parts allow, so count its parts instead.",
    # -- stock per platform: channel rules and stock-update files -------------------------------
    "field.share_pct": "share of stock listed (%)",
    "field.max_listed": "most units listed",
    "field.buffer": "stock buffer",
    "change.edit.share_pct": "share of stock listed on {shop} {old}% → {new}%",
    "change.edit.max_listed": "most units listed on {shop} {old} → {new}",
    "change.edit.buffer": "stock buffer of {shop} {old} → {new}",
    "change.edit.channel_rules": "stock rules of {count} platform shops",
    "change.edit.channel_rules.one": "stock rules of {count} platform shop",
    # Listing status (issue 9.5: delist, relist, season, new; services/listing_status.py)
    "field.delisted": "delisted",
    "field.season_start": "first month of the season",
    "field.season_end": "last month of the season",
    "field.marked_new_on": "marked new on",
    "change.edit.fee_rates": "fee rates of {count} platform fees",
    "change.edit.purchase_lot": "purchase lot of {sku} received {day}",
    "edit.refused.unknown_fee_rate": "There is no fee rate {rate} in this shop.",
    "edit.refused.not_a_currency": "{value} is not a currency code (three letters, such as USD or CNY).",
    "edit.refused.not_a_rate": "{value} is not an exchange rate for {currency}: type how much one {currency} is worth in your base currency, such as 7.10.",
    "edit.refused.rate_places": "The rate {value} for {currency} has more than {places} decimal places.",
    "edit.refused.percent_over_100": "A fee of {value} % is more than the whole sale.",
    "field.fee_percent": "fee percent",
    "field.fee_fixed": "fixed fee per order",
    "field.currency": "currency",
    "field.lot_quantity": "quantity received",
    "field.unit_cost": "landed cost per unit",
    "change.edit.delisted": "delisted {sku} {old} → {new}",
    "change.edit.season_start": "season start of {sku} {old} → {new}",
    "change.edit.season_end": "season end of {sku} {old} → {new}",
    "change.edit.marked_new_on": "marked new {sku} {old} → {new}",
    "change.status.delisted.one": "delist {sku}",
    "change.status.delisted.many": "delist {count} SKUs",
    "change.status.relisted.one": "relist {sku}",
    "change.status.relisted.many": "relist {count} SKUs",
    "change.status.season.one": "season of {sku}: months {season}",
    "change.status.season.many": "season of {count} SKUs: months {season}",
    "change.status.season_cleared.one": "no season for {sku}",
    "change.status.season_cleared.many": "no season for {count} SKUs",
    "change.status.new.one": "mark {sku} new",
    "change.status.new.many": "mark {count} SKUs new",
    "edit.refused.not_yes_no": "\"{value}\" is neither yes nor no; the {field} was not changed.",
    "edit.refused.not_a_date": "\"{value}\" is not a date (YYYY-MM-DD); the {field} was not changed.",
    "edit.refused.season_months": "A season needs both its first and its last month (1–12); nothing was changed.",
    "edit.refused.unknown_shop": "There is no platform shop {shop} in this shop file.",
    "title.export_failed": "Stock update not written",
    "export.stock.no_writer": "Shopkeeper cannot write a stock-update file for {platform}; it can for: {platforms}.",
    "export.stock.no_shop": "This shop file has no {platform} shop yet. Import one of its exports first: a stock-update file lists the SKUs that shop sells.",
    "export.stock.which_shop": "This shop file has several {platform} shops: {shops}. Choose one (--shop NAME).",
    "export.stock.unknown_shop": "There is no {platform} shop \"{shop}\" in this shop file; its {platform} shops are: {shops}.",
    "export.stock.nothing_listed": "The shop {shop} has no SKU with a stock count ({uncounted} SKUs it sells were never counted: import a stock or product export, or type their stock on hand); nothing was written.",
    "export.stock.only_unlisted": "The shop {shop} has {unlisted} counted SKUs, all known only from its orders: no listing of the shop names them, so there is nothing to update (import its products export); nothing was written.",
    "export.stock.cannot_write": "Could not write \"{path}\": {reason}",
    "export.stock.written": "Wrote the {platform} stock update for {shop} to \"{path}\": {count} SKUs, {units} units listed; {uncounted} SKUs with no stock count left out.",
    "export.stock.written_unlisted": "Wrote the {platform} stock update for {shop} to \"{path}\": {count} SKUs, {units} units listed; {uncounted} SKUs with no stock count left out, and {unlisted} known only from orders (no listing of the shop to update: import its products export).",
    # -- rfm: the suggested action for each RFM segment in a target list (domain/rfm.py ACTIONS) --
    "export.target_action.champions": "Reward them: early access to new products and a thank-you gift; ask for a review.",
    "export.target_action.loyal": "Show them how close the next tier is; recommend products that go with what they buy.",
    "export.target_action.potential_loyalists": "Invite them into the membership programme; a reward for their next order.",
    "export.target_action.new_customers": "Welcome them and help them use what they bought; a small coupon for a second order.",
    "export.target_action.promising": "A second-order coupon while they still remember the shop.",
    "export.target_action.need_attention": "A limited-time offer on what they bought before, before they drift away.",
    "export.target_action.at_risk": "Win them back: a personal message and a generous coupon.",
    "export.target_action.cant_lose": "Contact them personally with a strong win-back offer and ask what went wrong.",
    "export.target_action.hibernating": "Include them in seasonal sales only; a low-cost reminder.",
    "export.target_action.lost": "Leave them out of paid campaigns; one last win-back message at most.",
    "export.target_action.prospects": "No order yet: a first-order coupon.",
    "export.target.written": "Wrote {count} members to \"{path}\".",
    "export.target.written.one": "Wrote {count} member to \"{path}\".",
    # -- campaigns and the festival calendar (promotions: services/campaigns.py, domain/festivals.py) --
    "change.campaign.created": "new campaign \"{name}\"",
    "change.campaign.edited": "campaign \"{name}\" changed",
    "change.campaign.deleted": "campaign \"{name}\" deleted",
    "change.calendar_event.added": "calendar event \"{name}\"",
    "change.calendar_event.deleted": "calendar event \"{name}\" removed",
    "campaign.refused.unknown": "There is no campaign number {campaign} in this shop.",
    "campaign.refused.unknown_event": "There is no calendar event number {event} in this shop.",
    "campaign.refused.name": "Give the campaign a name (at most 200 characters).",
    "campaign.refused.kind": "\"{kind}\" is not a kind of campaign Shopkeeper knows.",
    "campaign.refused.dates": "The campaign ends ({end}) before it starts ({start}).",
    "campaign.refused.percent": "A percentage off must be more than 0 and less than 100, with at most two decimals ({value}).",
    "campaign.refused.amount": "The {field} must be a positive amount with at most two decimals ({value}).",
    "campaign.refused.missing": "This kind of campaign needs a {field}.",
    "campaign.refused.buy_get": "Buy X get Y needs two whole numbers from 1 to 1000 (buy {buy}, get {get}).",
    "campaign.refused.tiers": "Spend-and-save needs at least one tier; a coupon exactly one (spend threshold and amount off).",
    "campaign.refused.tier_off": "A tier cannot take off as much as is spent (spend {threshold}, off {off}).",
    "campaign.refused.redo_stale": "Cannot redo: \"{name}\" was changed since the undo.",
    "campaign.field.amount_off": "amount off",
    "campaign.field.fixed_price": "set price",
    "campaign.field.threshold": "spend threshold",
    "campaign.field.budget": "budget",
    "campaign.field.target_units": "expected units",
    "campaign.field.uplift": "expected uplift",
    "campaign.warning.stacks": "{count} SKUs are also in {others} on overlapping days: the discounts stack down to {price} ({sku})",
    "campaign.warning.stacks.one": "{count} SKU is also in {others} on overlapping days: the discounts stack down to {price} ({sku})",
    "campaign.warning.no_skus": "No products in scope yet",
    "campaign.warning.no_price": "{count} SKUs in scope have no list price",
    "campaign.warning.no_price.one": "{count} SKU in scope has no list price",
    "campaign.warning.other_currency": "{count} SKUs in scope are priced in another currency than the campaign's {currency}: its amounts do not apply to them",
    "campaign.warning.other_currency.one": "{count} SKU in scope is priced in another currency than the campaign's {currency}: its amounts do not apply to it",
    "campaign.task.signup": "Sign up for the platform's event (sign-up deadline)",
    "campaign.task.stock": "Order stock for the event",
    "campaign.task.visuals": "Visuals: banners and main images",
    "campaign.task.copy": "Copy: titles and selling points",
    "campaign.task.listing": "Listing changes: prices, coupons, tags",
    "campaign.task.cs_scripts": "Customer-service scripts",
    "campaign.task.logistics": "Logistics: courier capacity and packing",
    "campaign.task.other": "Task {key}",
    "campaign.refused.unknown_task": "There is no checklist task {task} in this shop.",
    "campaign.refused.platform": "\"{platform}\" is not a platform Shopkeeper knows.",
    "campaign.field.min_margin": "minimum margin",
    "campaign.field.fee": "platform fee",
    "change.campaign.task_done": "ticked off \"{task}\" of \"{campaign}\"",
    "change.campaign.task_reopened": "reopened \"{task}\" of \"{campaign}\"",
    "change.campaign.template": "checklist template task {key}",
    "change.campaign.tasks_done": "ticked off {count} checklist tasks",
    "change.campaign.tasks_done.one": "ticked off {count} checklist task",
    "change.campaign.template_many": "checklist template ({count} tasks)",
    "campaign.calendar.note": "worst margin {margin} % · {stock}",
    "campaign.calendar.stock_ok": "stock lasts",
    "campaign.calendar.stock_short": "{units} units short",
    "campaign.calendar.stock_unknown": "stock not checked: SKUs never counted",
    "campaign.calendar.task": "{campaign}: {task}",
    "change.campaign.check_settings": "campaign check settings",
    "campaign.warning.below_cost": "{count} SKUs sell below cost after fees (worst: {sku} at {price}, cost {cost})",
    "campaign.warning.below_cost.one": "{count} SKU sells below cost after fees ({sku} at {price}, cost {cost})",
    "campaign.warning.below_min": "{count} SKUs keep less than the {min} % minimum margin (worst: {sku}, {margin} %)",
    "campaign.warning.below_min.one": "{count} SKU keeps less than the {min} % minimum margin ({sku}, {margin} %)",
    "campaign.warning.no_cost": "{count} SKUs in scope have no cost: their margin cannot be checked",
    "campaign.warning.no_cost.one": "{count} SKU in scope has no cost: its margin cannot be checked",
    "campaign.warning.stock_unknown": "{count} SKUs in scope were never counted: their stock cannot be checked (e.g. {sku}); type their counts in Listings & Inventory",
    "campaign.warning.stock_unknown.one": "{count} SKU in scope was never counted: its stock cannot be checked ({sku}); type its count in Listings & Inventory",
    "campaign.warning.fees_unknown": "Platform fees not set for {platforms}: margins are before their fees",
    "campaign.warning.stock_out": "{count} SKUs are likely to run out: order {qty} of {sku} by {by} (expected to sell {expected}, {on_hand} on hand)",
    "campaign.warning.stock_out.one": "{count} SKU is likely to run out: order {qty} of {sku} by {by} (expected to sell {expected}, {on_hand} on hand)",
    "campaign.warning.order_late": "{count} SKUs are likely to run out and the lead time has passed: {sku} needs {qty} more (should have been ordered by {by}; expected to sell {expected}, {on_hand} on hand)",
    "campaign.warning.order_late.one": "{count} SKU is likely to run out and the lead time has passed: {sku} needs {qty} more (should have been ordered by {by}; expected to sell {expected}, {on_hand} on hand)",
    "campaign.warning.lowest_price": "最低价 reminder: {count} SKUs are not below their lowest price of the last 30 days (e.g. {sku}: {price}, lowest {lowest}); the platform may refuse the event price or the discount claim",
    "campaign.warning.lowest_price.one": "最低价 reminder: {count} SKU is not below its lowest price of the last 30 days ({sku}: {price}, lowest {lowest}); the platform may refuse the event price or the discount claim",
    "campaign.kind.spend_save": "Spend and save (满减)",
    "campaign.kind.percent_off": "Percent off",
    "campaign.kind.fixed_off": "Fixed amount off",
    "campaign.kind.flash_price": "Time-limited price (限时折扣)",
    "campaign.kind.buy_x_get_y": "Buy X get Y",
    "campaign.kind.free_shipping": "Free shipping (包邮)",
    "campaign.kind.coupon": "Coupon",
    "campaign.kind.bundle_price": "Bundle price",
    "festival.618": "618 mid-year sale",
    "festival.double11": "Double 11",
    "festival.double12": "Double 12",
    "festival.new_year_fair": "New Year goods fair (年货节)",
    "festival.chinese_new_year": "Chinese New Year",
    "festival.courier_shutdown": "Couriers stop for the New Year",
    "festival.women_day": "Women's Day (38节)",
    "festival.520": "520 (I love you day)",
    "festival.qixi": "Qixi (Chinese Valentine's Day)",
    "festival.mid_autumn": "Mid-Autumn Festival",
    "festival.black_friday": "Black Friday",
    "festival.cyber_monday": "Cyber Monday",
    "festival.christmas": "Christmas",
    "festival.valentines": "Valentine's Day",
    "festival.mothers_day": "Mother's Day",
    "festival.singles_day": "Singles' Day",
    "festival.prime_day": "Prime Day",
    # Catalogue: channel links and the SKU mapping file (services/sku_links.py, services/sku_map_csv.py).
    "change.link.linked": "link {shop} {channel_sku} → {master}",
    "change.link.confirmed": "link {shop} {channel_sku} → {master} (suggested)",
    "change.link.unlinked": "keep {shop} {channel_sku} unlinked",
    "change.link.many": "{count} channel links",
    "change.link.mapping": "SKU mapping \"{file}\" ({count} link(s))",
    "change.redo.stale_link": "Cannot redo change #{change_set}: the link of {channel_sku} in {shop} was changed since.",
    "edit.refused.link_unknown_shop": "There is no platform shop {shop} in this shop file.",
    "edit.refused.link_unknown_master": "There is no SKU {sku} in the catalogue to link to.",
    "edit.refused.link_chain": "{sku} cannot be linked to {master}: one of them is linked to another SKU already. Link both to the same master SKU.",
    "edit.refused.link_no_suggestion": "There is no suggestion to confirm for {channel_sku} in {shop}.",
    "import.sku_map.empty": "\"{file}\" is empty; nothing was imported.",
    "import.sku_map.header": "\"{file}\" lacks the column(s) {columns} (the header must be: platform, shop, channel_sku, master_sku); nothing was imported.",
    "import.sku_map.read": "Could not read \"{file}\": {reason}",
    "export.sku_map.write": "Could not write \"{file}\": {reason}",
    "import.sku_map.lines": "\"{file}\" was not imported: {count} line(s) have problems: {problems}",
    "import.sku_map.line.no_channel_sku": "{file} line {line}: no channel SKU",
    "import.sku_map.line.unknown_shop": "{file} line {line}: there is no {platform} shop \"{shop}\"",
    "import.sku_map.line.unknown_master": "{file} line {line}: there is no SKU {sku} in the catalogue",
    "export.sku_map.written": "Wrote {count} channel items to \"{path}\".",
    "export.sku_map.written.one": "Wrote {count} channel item to \"{path}\".",
    "import.sku_map.nothing_changed": "\"{file}\" changes no link; the shop is as it was.",
    # Bundles and multipacks (services/bundles.py)
    "field.bundle_parts": "parts of a bundle",
    "change.bundle.parts": "parts of {bundle}: {parts}",
    "change.bundle.cleared": "{bundle} no longer a bundle",
    "edit.bundle.unknown_part": "The part {part} of {bundle} is not a product of this shop.",
    "edit.bundle.itself": "{bundle} cannot be a part of itself.",
    "edit.bundle.cycle": "{part} cannot be a part of {bundle}: {part} is made of {bundle} already.",
    "edit.bundle.quantity": "The quantity of {part} in {bundle} must be a whole number of at least 1 ({value}).",
    # -- members: one member per person (merge, split, not the same) ---------------------------
    "change.member.merge": "merge of {count} members into {name}",
    "change.member.split": "split of {count} accounts off {name}",
    "change.member.not_same": "{a} and {b} are different people",
    "change.redo.member_gone": "Cannot redo change #{change_set}: member {member} is no longer in this shop.",
    "edit.refused.unknown_member": "There is no member {member} in this shop.",
    "edit.refused.merge_too_few": "Choose at least two members to merge.",
    "edit.refused.merge_own_points": "{name} has points given or spent by hand, which a merge cannot carry over; "
                                     "nothing was merged.",
    "edit.refused.split_not_its_account": "{account} is not an account of {name}.",
    "edit.refused.split_all": "Choose some of {name}'s accounts to split off, not all of them.",
    # Loyalty settings, tiers and points entries (issue 10 items 2-3: services/loyalty.py, points_entries.py)
    "change.edit.loyalty": "loyalty settings: {count} changed",
    "change.points.adjust": "points of {member}: {points:+,}",
    "change.points.redeem": "redemption of {member}: {points:,} points",
    "edit.refused.loyalty_setting": "The loyalty setting {setting} cannot be \"{value}\".",
    "edit.refused.bonus_platform": "The bonus event \"{event}\" names the platform \"{platform}\", which is no platform Shopkeeper knows: choose the platform from the list, or every platform.",
    "edit.refused.tier_name": "Tier {tier} needs a name in both languages.",
    "edit.refused.tier_multiplier": "The points multiplier of {tier} must be above 0 and at most 100, not {value}.",
    "edit.refused.tier_keep_above": "The keep threshold of {tier} cannot be above its entry threshold.",
    "edit.refused.tier_thresholds": "{higher} must need more than {lower}.",
    "edit.refused.tier_set": "Tiers can be changed, not added or removed.",
    "edit.refused.points_amount": "{points} is not a number of points that can be added or spent.",
    "edit.refused.points_reason": "An adjustment of points needs a reason.",
    "edit.refused.points_member": "There is no member {member} in this shop.",
    "edit.refused.points_not_enough": "Cannot spend {points} points: {available} are available now (pending points cannot be spent).",
    # -- after-sales tags (services/refund_tags.py) ---------------------------------------------------
    "change.refund_tags.order": "tags of order {order}: {tags}",
    "change.refund_tags.orders": "tags of {count} orders",
    "change.refund_tags.orders.one": "tags of {count} order",
    "change.refund_tags.names": "after-sales tag list: {added} added, {removed} removed",
    "edit.refund_tags.unknown_order": "There is no order {order} of {shop} in this shop.",
    "edit.refund_tags.unknown_tag": '"{tag}" is not in the after-sales tag list; add it to the list first.',
    "edit.refund_tags.empty_name": "An after-sales tag needs a name.",
    # -- product tags (services/product_tags.py) ------------------------------------------------------
    "change.product_tags.sku": "tags of {sku}: +{added} −{removed}",
    "change.product_tags.skus": "tags of {count} SKUs: +{added} −{removed}",
    "change.product_tags.skus.one": "tags of {count} SKU: +{added} −{removed}",
    "change.product_tags.sku_added": "tags of {sku}: +{added}",
    "change.product_tags.sku_removed": "tags of {sku}: −{removed}",
    "change.product_tags.skus_added": "tags of {count} SKUs: +{added}",
    "change.product_tags.skus_added.one": "tags of {count} SKU: +{added}",
    "change.product_tags.skus_removed": "tags of {count} SKUs: −{removed}",
    "change.product_tags.skus_removed.one": "tags of {count} SKU: −{removed}",
    "change.redo.stale_product_tags": "Cannot redo: the tags of {sku} changed since.",
    "edit.product_tags.empty": "Type a tag to add or remove.",
    "edit.product_tags.unknown_sku": "There is no SKU {sku} in this shop.",
    "change.redo.stale_tags": "Cannot redo: the tags of order {order} changed since.",
    # -- exports, privacy erasure and the audit trail (issue 14) ------------------------------------------
    "export.table.format": "Shopkeeper writes spreadsheets as .csv or .xlsx; \"{path}\" is neither. Name the file .csv or .xlsx.",
    "export.table.written": "Wrote {count} rows of {table} to \"{path}\".",
    "export.table.written.one": "Wrote {count} row of {table} to \"{path}\".",
    "privacy.period.bad": "\"{value}\" is not a period: write a number of days (365d), months (12m) or years (2y).",
    "privacy.period.range": "\"{value}\" is outside what Shopkeeper accepts: between {min} and {max} days.",
    "privacy.purge.preview": "{people} people have had no order since {cutoff}: their names, e-mails, phones and buyer accounts would be erased. Nothing was changed; run again with --yes to erase them. An erasure cannot be undone.",
    "privacy.purge.done": "Erased the names, e-mails, phones and buyer accounts of {people} people with no order since {cutoff}. Their orders, totals and counts stay in the figures.",
    "privacy.purge.none": "No one to erase: everyone whose details the shop holds has ordered since {cutoff}.",
    "privacy.erase.preview": "Member {member} ({buyers} buyer accounts): their name, e-mail, phone and buyer accounts would be erased everywhere in this shop. Nothing was changed; run again with --yes. An erasure cannot be undone.",
    "privacy.erase.done": "Erased member {member}'s personal data ({buyers} buyer accounts); their orders stay in the figures without it.",
    "privacy.erase.unknown": "There is no member {member} in this shop.",
    "privacy.retention.on": "Personal data of people with no order in {days} days is erased each time the shop opens.",
    "privacy.retention.off": "Personal data is kept until you erase it: no automatic erasure is set.",
}


def english(message: Message) -> str:
    """The message as the command line and the log say it."""
    template = ENGLISH.get(singular(message, ENGLISH))
    if template is None:
        return message.code  # a code missing here is a bug the completeness test catches; never hide the code
    return fill(template, message.params, english)


def singular(message: Message, texts: Container[str]) -> str:
    """The code to word `message` with: its `.one` form when it counts exactly one thing and the texts have
    one ("1 SKU sells", not "1 SKUs sell"), chosen by the parameter, never by reading the sentence."""
    one = f"{message.code}.one"
    return one if message.params.get("count") == 1 and one in texts else message.code


# How a list parameter is joined: (between plain values such as names, between nested messages). English
# uses "; " for both, since a shop or file name may hold a comma; Chinese joins names with 、 and clauses with ；.
ENGLISH_JOINS = ("; ", "; ")


def fill(template: str, params: Mapping[str, Any], render: Callable[[Message], str],
         joins: tuple[str, str] = ENGLISH_JOINS) -> str:
    """`template` with its `{name}` fields filled; nested messages go through `render` (same language)."""
    return template.format(**{name: _shown(value, render, joins) for name, value in params.items()})


def _shown(value: Any, render: Callable[[Message], str], joins: tuple[str, str]) -> Any:  # noqa: ANN401
    if value is None:
        return "—"  # an empty value (a cleared reorder point) reads as a dash, never as "None"
    if isinstance(value, Message):
        return render(value)
    if isinstance(value, (list, tuple)):
        between = joins[1] if any(isinstance(v, Message) for v in value) else joins[0]
        return between.join(str(_shown(v, render, joins)) for v in value)
    if isinstance(value, PurePath):
        return str(value)
    return value


def params_json(params: Mapping[str, Any]) -> str | None:
    """Parameters as stored beside a code (JSON text); None when there are none."""
    if not params:
        return None
    return json.dumps({k: _jsonable(v) for k, v in params.items()}, ensure_ascii=False, sort_keys=True)


def params_from_json(text: str | None) -> dict[str, Any]:
    """Stored parameters back, nested messages included."""
    return {k: _from_json(v) for k, v in json.loads(text).items()} if text else {}


# A nested message is stored as an object with these two keys; no parameter of ours is named so.
_CODE, _PARAMS = "$code", "$params"


def _jsonable(value: Any) -> Any:  # noqa: ANN401 - any parameter value
    if isinstance(value, Message):
        return {_CODE: value.code, _PARAMS: {k: _jsonable(v) for k, v in value.params.items()}}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (Decimal, PurePath)):
        return str(value)
    return value


def _from_json(value: Any) -> Any:  # noqa: ANN401 - any parameter value
    if isinstance(value, dict) and _CODE in value:
        return Message(value[_CODE], {k: _from_json(v) for k, v in value.get(_PARAMS, {}).items()})
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    return value


def message_from_row(code: str | None, params: str | None, text: str | None) -> Message:
    """A stored message: its code and JSON parameters, or the text an older Shopkeeper wrote."""
    if code is None:
        return Message("reject.as_written", {"text": text or ""})
    return Message(code, params_from_json(params))
