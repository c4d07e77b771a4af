"""The nutrient checklist's numbers: daily targets, what a day's food gives, what would help most.

Plain Python, no widgets: every number the checklist shows is computed in this package, one job a
module; each module names its public names once, in its ``__all__``, and they are all re-exported
here so that ``from widgets.nutrients.model import ...`` keeps working:

* :mod:`widgets.nutrients.schema`: the data files (``nutrients.toml``: US/Canada Dietary Reference
  Intakes; ``foods.toml``: USDA values per household serving), loaded and validated on import;
* :mod:`widgets.nutrients.checks`: what a learner types, checked;
* :mod:`widgets.nutrients.amounts`: targets, limits, intake, gaps, suggestions;
* :mod:`widgets.nutrients.text`: the numbers as a learner reads them.

Units are fixed: potassium, calcium and magnesium in **mg** a day, vitamin D in **mcg** a day
(1 mcg = 40 IU; :func:`mcg_to_iu`). A food whose value USDA did not report has ``None`` for that
nutrient: unknown, never counted as 0 and never shown as 0.

Who the targets cover, and what is refused (``ValueError`` with a sentence a learner can read):

* ages 14 to 120 in whole years (the reference tables start at 14; younger children's needs are
  outside this course);
* sex ``"female"`` or ``"male"``, the two columns of the tables;
* pregnancy or breastfeeding (``lactating``) only with ``"female"`` and only at ages 14 to 50, the
  ages the tables give such values for; never both at once, because the tables give a separate
  value for each and the course cannot say which applies.
"""

from widgets.nutrients import amounts, checks, schema, text
from widgets.nutrients.amounts import *  # noqa: F403
from widgets.nutrients.checks import *  # noqa: F403
from widgets.nutrients.schema import *  # noqa: F403
from widgets.nutrients.text import *  # noqa: F403

#: Each module lists its public names once, in its own ``__all__``; this is their union.
__all__ = [*schema.__all__, *checks.__all__, *amounts.__all__, *text.__all__]
