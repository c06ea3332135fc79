"""Kazakhstan's IIN (person) and BIN (organisation) numbers.

12 digits, the last a check digit (Government Decree No. 565 of 11 June 2003): weights 1..11 over
the first 11 digits, sum mod 11; if that is 10, weights 3,4,5,6,7,8,9,10,11,1,2; if 10 again the
number is never issued.
"""
from __future__ import annotations

FIRST_WEIGHTS = tuple(range(1, 12))
SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def check_digit(first_eleven: str) -> int | None:
    digits = [int(c) for c in first_eleven]
    for weights in (FIRST_WEIGHTS, SECOND_WEIGHTS):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def is_valid_iin_or_bin(number: str) -> bool:
    if len(number) != 12 or not (number.isascii() and number.isdigit()):
        return False
    return check_digit(number[:11]) == int(number[11])
