"""Sentences every tool shares, as plain strings (no widget library: models use them too)."""

DISCLAIMER = (
    "This is education, not a diagnosis. If you are worried about your back, or anything here "
    "does not fit how you feel, contact a doctor, nurse, pharmacist or physiotherapist."
)
