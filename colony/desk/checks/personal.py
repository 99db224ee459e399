"""Personal data: e-mail addresses, phone numbers, bank accounts, card and ID numbers.

A public post is the wrong place for any of them, hence ``block``. Checksums
(IBAN mod 97, Luhn, the Dutch 11-test, SNILS) keep invoice numbers, order
ids and big amounts from being mistaken for personal data.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext

from .base import Finding

EMAIL = re.compile(r"(?<![@\w.+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])", re.IGNORECASE)

IBAN = re.compile(r"(?<![a-z0-9])[a-z]{2}\d{2}(?: ?[a-z0-9]){11,32}", re.IGNORECASE)
# Lengths by country (ISO 13616 registry, the countries Colony's users bank in and their neighbours).
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
    "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "KZ": 20,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24,
    "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26, "UA": 29,
}

# International numbers start with + or 00; local ones with a trunk 0 (NL, ID, IT, UK), "8 (" (RU/KZ),
# an Italian mobile 3xx xxx xxxx, or a US "(555) 123-4567".
PHONE = re.compile(
    r"(?<![\w+/.,])(?:"
    r"(?:\+|00)\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,6}"
    r"|0\d{1,4}[\s.-]?\(?\d{2,4}\)?(?:[\s.-]?\d{2,4}){1,3}"
    r"|8\s?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{2}[\s.-]?\d{2}"
    r"|\(\d{3}\)\s?\d{3}[\s.-]\d{4}"
    r"|3\d\d[\s.-]?\d{3}[\s.-]?\d{4}"
    r")(?![\w]|[.,]\d)"
)
CARD = re.compile(r"(?<![\d.,])[3-6]\d{3}(?:[ -]?\d){9,15}(?![\d.,]\d)")
CODICE_FISCALE = re.compile(r"(?<![a-z0-9])[a-z]{6}\d{2}[abcdehlmprst]\d{2}[a-z]\d{3}[a-z](?![a-z0-9])", re.IGNORECASE)
SNILS = re.compile(r"(?<![\d-])\d{3}-\d{3}-\d{3}[ -]\d{2}(?![\d-])")
SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])")
# Bare digit runs are too common to flag; they count as an ID only right after the ID's name.
NAMED_ID = re.compile(
    r"(?:bsn|burgerservicenummer|sofinummer|nik|ktp|nomor induk kependudukan|паспорт\w*|инн|ssn)"
    r"[\s:#-]*(?:(?:nr|no|number|nummer|nomor|номер|№|is|adalah|è)\.?[\s:#-]*){0,2}(\d[\d .-]{7,20}\d)",
    re.IGNORECASE,
)


def iban_valid(candidate: str) -> bool:
    """ISO 13616: the right length for the country, and mod 97 of the rearranged digits is 1."""
    code = re.sub(r"\s", "", candidate).upper()
    expected = IBAN_LENGTHS.get(code[:2])
    if expected is not None and len(code) != expected:
        return False
    if not 15 <= len(code) <= 34 or not code.isalnum():
        return False
    digits = "".join(str(int(ch, 36)) for ch in code[4:] + code[:4])
    return int(digits) % 97 == 1


def luhn_valid(number: str) -> bool:
    digits = [int(d) for d in number if d.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def bsn_valid(number: str) -> bool:
    """The Dutch "11-test": weights 9..2 and -1 for the last digit, the sum divisible by 11."""
    digits = [int(d) for d in number if d.isdigit()]
    if len(digits) != 9:
        return False
    return sum(d * w for d, w in zip(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1], strict=True)) % 11 == 0


def snils_valid(number: str) -> bool:
    digits = [int(d) for d in number if d.isdigit()]
    total = sum(d * (9 - i) for i, d in enumerate(digits[:9]))
    check = total % 101
    return (0 if check == 100 else check) == digits[9] * 10 + digits[10]


def _ibans(text: str) -> list[tuple[int, int]]:
    found = []
    for m in IBAN.finditer(text):
        # The pattern is greedy; try the country's length first, so "NL91 ABNA 0417 1643 00 today" works.
        raw = m.group(0)
        expected = IBAN_LENGTHS.get(raw[:2].upper())
        lengths = [expected] if expected else list(range(34, 14, -1))
        for length in lengths:
            end = _end_after(raw, length)
            if end is not None and iban_valid(raw[:end]):
                found.append((m.start(), m.start() + end))
                break
    return found


def _end_after(raw: str, alnum: int) -> int | None:
    """Index just after the ``alnum``-th letter or digit of ``raw``."""
    seen = 0
    for i, ch in enumerate(raw):
        if ch.isalnum():
            seen += 1
            if seen == alnum:
                return i + 1
    return None


def _phone_ok(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if number.startswith(("+", "00")):
        return 8 <= len(digits) <= 15
    if re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", number) or re.search(r"(?<!\d)000(?!\d)", number):
        return False  # a date, or an amount written in thousands ("350 000 000")
    return 9 <= len(digits) <= 12


def findings(text: str) -> list[Finding]:
    spans: list[tuple[int, int, str]] = []
    for m in EMAIL.finditer(text):
        spans.append((m.start(), m.end(), gettext("This looks like an e-mail address.")))
    for s, e in _ibans(text):
        spans.append((s, e, gettext("This is a bank account number (IBAN).")))
    for m in CARD.finditer(text):
        if luhn_valid(m.group(0)) and len(re.sub(r"\D", "", m.group(0))) in (13, 14, 15, 16, 19):
            spans.append((m.start(), m.end(), gettext("This looks like a payment card number.")))
    for pattern, valid in ((CODICE_FISCALE, None), (SNILS, snils_valid), (SSN, None)):
        for m in pattern.finditer(text):
            if valid is None or valid(m.group(0)):
                spans.append((m.start(), m.end(), gettext("This looks like a personal identification number.")))
    for m in NAMED_ID.finditer(text):
        name = m.group(0)[:3].lower()
        if name in ("bsn", "bur", "sof") and not bsn_valid(m.group(1)):
            continue
        spans.append((m.start(1), m.end(1), gettext("This looks like a personal identification number.")))
    # Digits inside something shaped like an IBAN (even one whose checksum fails) are not a phone number.
    iban_like = [m.span() for m in IBAN.finditer(text)]
    for m in PHONE.finditer(text):
        number = m.group(0)
        if _phone_ok(number) and not any(s < m.end() and m.start() < e for s, e in iban_like):
            spans.append((m.start(), m.start() + len(number), gettext("This looks like a phone number.")))
    # The first kind found wins where two overlap (an IBAN's digits are not also a phone number).
    kept: list[tuple[int, int, str]] = []
    for s, e, message in spans:
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, message))
    suggestion = gettext("Remove it or share it privately.")
    return [Finding("personal_data", "block", s, e, message, suggestion) for s, e, message in sorted(kept)]
