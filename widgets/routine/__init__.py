"""The guided core and flexibility routine (lesson 08)."""

from widgets.routine.model import EXERCISES, Routine

__all__ = ["EXERCISES", "Routine"]
