"""Daily reminders: due at the member's minute of the day, claimed once a day even across restarts."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

from bot.review import DueReminder, Rating, ReviewRepository
from bot.storage import Store

GUILD, OTHER_GUILD, ALICE, BOB, CHANNEL = 10, 11, 100, 200, 300
ON_AT = datetime(2026, 1, 5, 9, 30, 20, tzinfo=UTC)
NEXT_DAY = datetime(2026, 1, 6, 9, 30, tzinfo=UTC)


async def _with_due_cards(repository: ReviewRepository, guild: int, member: int, count: int) -> None:
    for i in range(count):
        await repository.rate_term(guild, member, f"Term {i}", Rating.AGAIN, ON_AT - timedelta(hours=1))


async def test_turning_on_remembers_channel_and_minute_and_starts_tomorrow(
    repository: ReviewRepository,
) -> None:
    setting = await repository.set_reminders(GUILD, ALICE, True, CHANNEL, ON_AT)
    assert (setting.enabled, setting.channel_id, setting.send_minute) == (True, CHANNEL, 9 * 60 + 30)
    assert setting.last_sent_on == date(2026, 1, 5)
    assert setting.send_time(date(2026, 1, 6)) == NEXT_DAY
    await _with_due_cards(repository, GUILD, ALICE, 3)
    assert (
        await repository.claim_due_reminders(ON_AT + timedelta(hours=2)) == []
    )  # not twice on the first day
    assert (
        await repository.claim_due_reminders(NEXT_DAY - timedelta(minutes=1)) == []
    )  # not before its minute
    assert await repository.claim_due_reminders(NEXT_DAY) == [DueReminder(GUILD, ALICE, CHANNEL, 3)]
    assert await repository.claim_due_reminders(NEXT_DAY + timedelta(hours=5)) == []  # once a day
    later = await repository.claim_due_reminders(NEXT_DAY + timedelta(days=1, hours=3))
    assert later == [DueReminder(GUILD, ALICE, CHANNEL, 3)]


async def test_a_restarted_bot_with_a_new_store_does_not_send_again(store: Store, db_url: str) -> None:
    repository = ReviewRepository(store.cards)
    await repository.set_reminders(GUILD, ALICE, True, CHANNEL, ON_AT)
    await _with_due_cards(repository, GUILD, ALICE, 1)
    assert len(await repository.claim_due_reminders(NEXT_DAY)) == 1
    restarted = await Store.open(db_url, clock=store.clock)
    try:
        assert (
            await ReviewRepository(restarted.cards).claim_due_reminders(NEXT_DAY + timedelta(minutes=1)) == []
        )
    finally:
        await restarted.close()


async def test_two_processes_claiming_at_once_send_once(store: Store, db_url: str) -> None:
    repository = ReviewRepository(store.cards)
    for member in range(1, 6):
        await repository.set_reminders(GUILD, member, True, CHANNEL, ON_AT)
        await _with_due_cards(repository, GUILD, member, 1)
    other = await Store.open(db_url, clock=store.clock)
    try:
        a, b = await asyncio.gather(
            repository.claim_due_reminders(NEXT_DAY),
            ReviewRepository(other.cards).claim_due_reminders(NEXT_DAY),
        )
    finally:
        await other.close()
    claimed = sorted(r.member_id for r in [*a, *b])
    assert claimed == [1, 2, 3, 4, 5]


async def test_nothing_due_means_no_reminder_until_something_is(repository: ReviewRepository) -> None:
    await repository.set_reminders(GUILD, ALICE, True, CHANNEL, ON_AT)
    assert await repository.claim_due_reminders(NEXT_DAY) == []
    await repository.rate_term(GUILD, ALICE, "Alpha", Rating.AGAIN, NEXT_DAY + timedelta(hours=1))
    # the card is due a minute after that review: the same day's check then finds it
    assert await repository.claim_due_reminders(NEXT_DAY + timedelta(hours=1)) == []
    found = await repository.claim_due_reminders(NEXT_DAY + timedelta(hours=1, minutes=2))
    assert found == [DueReminder(GUILD, ALICE, CHANNEL, 1)]


async def test_off_stops_reminders_and_other_guilds_are_filtered(repository: ReviewRepository) -> None:
    await repository.set_reminders(GUILD, ALICE, True, CHANNEL, ON_AT)
    await repository.set_reminders(OTHER_GUILD, BOB, True, None, ON_AT)
    await _with_due_cards(repository, GUILD, ALICE, 2)
    await _with_due_cards(repository, OTHER_GUILD, BOB, 1)
    off = await repository.set_reminders(GUILD, ALICE, False, CHANNEL, ON_AT + timedelta(hours=1))
    assert not off.enabled
    assert off.send_minute == 9 * 60 + 30  # turning off keeps the time
    assert await repository.claim_due_reminders(NEXT_DAY, guild_ids=[GUILD]) == []
    assert await repository.claim_due_reminders(NEXT_DAY, guild_ids=[]) == []
    assert await repository.claim_due_reminders(NEXT_DAY) == [DueReminder(OTHER_GUILD, BOB, None, 1)]
    assert await repository.reminder(GUILD, BOB) is None
