"""Points for a correct answer: base + speed bonus + streak bonus."""

from __future__ import annotations

BASE_POINTS = 10
MAX_SPEED_BONUS = 10
STREAK_BONUS_STEP = 2
MAX_STREAK_BONUS = 10


def points_for(elapsed: float, duration: float, streak: int) -> int:
    """Points for a correct answer given ``elapsed`` of ``duration`` seconds and the streak it makes.

    ``points = 10 + round(10 * (1 - elapsed / duration)) + min(2 * (streak - 1), 10)``

    * base: 10 points for any correct answer;
    * speed bonus: up to 10 more, falling linearly from 10 (instant) to 0 (at the deadline);
    * streak bonus: 2 points for each consecutive correct answer before this one in the round,
      capped at 10 (so the 6th correct answer in a row and later earn the full +10).

    A wrong answer scores 0 and resets the streak. The most a question can give is 30 points.
    """
    if duration <= 0:
        raise ValueError("duration must be positive")
    remaining = min(1.0, max(0.0, 1.0 - elapsed / duration))
    speed = round(MAX_SPEED_BONUS * remaining)
    streak_bonus = min(STREAK_BONUS_STEP * max(0, streak - 1), MAX_STREAK_BONUS)
    return BASE_POINTS + speed + streak_bonus
