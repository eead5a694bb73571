"""Personal data shown masked unless the seller asks: `a***@example.com`, `138****0000`, `王**`.

One name, `mask_contact`, for what the target list and the members report
print (a platform buyer id that is an e-mail or phone number is masked as
one); a value the platform already masked or enciphered (`138****0000`,
`##密文`, `$$…`) is shown as it came, it says nothing more.
"""

from __future__ import annotations

from typing import Literal

from shopkeeper.domain.privacy import mask_account, mask_email, mask_phone

Kind = Literal["email", "phone", "name", "account"]


def mask_contact(kind: Kind, value: str | None) -> str | None:
    """E-mails, phones and accounts follow domain/privacy.py (the same masks as the tab and its SQL)."""
    if value is None or not value.strip():
        return None
    if kind == "email":
        return mask_email(value)
    if kind == "phone":
        return mask_phone(value)
    if kind == "account":
        return mask_account(value)
    text = value.strip()
    if "*" in text or text.startswith(("##", "$$")):
        return text
    return text[:1] + "**"
