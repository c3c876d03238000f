"""The /progress picture: where the athlete stands in the 12 weeks, as a PNG for the chat.

The figures come from `coach.progress.progress_data` (pure); `ProgressRenderer` draws them.
"""

from bot.progress.picture import DrawnProgress, ProgressPicture, ProgressRenderer, read_back
from coach.progress import ActivityLoad, ProgressData, WeekProgress, progress_data

__all__ = [
    "ActivityLoad",
    "DrawnProgress",
    "ProgressData",
    "ProgressPicture",
    "ProgressRenderer",
    "WeekProgress",
    "progress_data",
    "read_back",
]
