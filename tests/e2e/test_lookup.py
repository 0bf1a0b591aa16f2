"""End to end: /define, autocomplete, "did you mean" buttons, natural questions, /topics, limits, mentions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import StartBot
from tests.fakediscord import message_text

pytestmark = pytest.mark.e2e

EPHEMERAL = 64


def embed_of(message: dict[str, Any]) -> dict[str, Any]:
    """The single embed of a bot message."""
    assert len(message["embeds"]) == 1, message
    return message["embeds"][0]


def fields_of(embed: dict[str, Any]) -> dict[str, str]:
    """Embed field name -> value."""
    return {f["name"]: f["value"] for f in embed.get("fields", [])}


async def test_define_hit_answers_with_the_entry_card(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    handle = await h.fake.slash(w.member, w.general, "define", term="hypervisor")
    message = await handle.message()
    h.assert_alive()
    embed = embed_of(message)
    assert embed["title"] == "Hypervisor"
    assert embed["description"].startswith("Software that manages the distribution of the physical resources")
    fields = fields_of(embed)
    assert "Type I (bare metal)" in fields["Details"]
    assert fields["Topic"] == "Virtualization (2.2)"
    assert "VM escape" in fields["See also"]
    assert "VMM" in embed["footer"]["text"]
    assert not message["flags"] & EPHEMERAL
    # The command came from the guild-synced set, as configured with discord.sync.
    assert handle.record.payload["data"]["guild_id"] == str(w.guild.id)


async def test_define_by_alias_and_typo(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    for query, term in [
        ("VMM", "Hypervisor"),
        ("hypervisr", "Hypervisor"),
        ("bare metal", "Type I hypervisor"),
    ]:
        message = await (await h.fake.slash(w.member, w.general, "define", term=query)).message()
        assert embed_of(message)["title"] == term, query
    h.assert_alive()


async def test_define_miss_offers_did_you_mean_buttons_that_post_the_definition(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    handle = await h.fake.slash(w.member, w.general, "define", term="type 3 hypervisor")
    refusal = await handle.message()
    h.assert_alive()
    assert refusal["flags"] & EPHEMERAL
    assert refusal["content"] == "“type 3 hypervisor” is not in the notes. Did you mean:"
    buttons = [c for row in refusal["components"] for c in row["components"]]
    labels = [b["label"] for b in buttons]
    assert 1 <= len(buttons) <= 3
    assert "Type I hypervisor" in labels

    chosen = next(b for b in buttons if b["label"] == "Type II hypervisor")
    click = await h.fake.click(w.member, w.general, refusal, chosen["custom_id"])
    posted = await click.message()
    h.assert_alive()
    assert embed_of(posted)["title"] == "Type II hypervisor"
    assert not posted["flags"] & EPHEMERAL


async def test_a_did_you_mean_button_for_a_term_the_notes_lost_says_so_privately(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    refusal = await (await h.fake.slash(w.member, w.general, "define", term="type 3 hypervisor")).message()
    button = next(c for row in refusal["components"] for c in row["components"])
    # the notes were reloaded without that term since the button was sent
    button["custom_id"] = "define:a term these notes never had"
    click = await h.fake.click(w.member, w.general, refusal, button["custom_id"])
    answer = await click.message()
    h.assert_alive()
    assert answer["flags"] & EPHEMERAL
    assert answer["content"] == "That term is no longer in the notes; try `/define` again."


async def test_define_miss_without_suggestions_is_a_short_ephemeral_refusal(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    refusal = await (await h.fake.slash(w.member, w.general, "define", term="kubernetes operator")).message()
    assert refusal["flags"] & EPHEMERAL
    assert "is not in the notes" in refusal["content"]
    h.assert_alive()


async def test_autocomplete_offers_matching_terms_within_discord_limits(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    choices = await h.fake.autocomplete(w.member, w.general, "define", focused="term", term="hyp")
    names = [c["name"] for c in choices]
    assert names[0] == "Hypervisor"
    assert {"Type I hypervisor", "Type II hypervisor"} <= set(names)
    assert all(c["name"] == c["value"] for c in choices)

    everything = await h.fake.autocomplete(w.member, w.general, "define", focused="term", term="")
    assert 1 <= len(everything) <= 25
    assert len(everything) == min(25, len(h.bot.kb))
    assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in everything)
    h.assert_alive()


async def test_topics_lists_each_topic_with_objective_and_count(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    message = await (await h.fake.slash(w.member, w.general, "topics")).message()
    embed = embed_of(message)
    assert f"**Virtualization** (objective 2.2): {len(h.bot.kb)} terms" in embed["description"]
    h.assert_alive()


async def test_a_question_mentioning_the_bot_gets_a_reply(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    asked = await h.fake.send_message(w.member, w.general, f"{h.fake.bot_user.mention} what is a hypervisor?")
    reply = await h.fake.next_message(w.general)
    h.assert_alive()
    assert embed_of(reply)["title"] == "Hypervisor"
    assert reply["message_reference"]["message_id"] == asked["id"]


async def test_a_bare_term_mentioning_the_bot_is_answered(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    await h.fake.send_message(w.member, w.general, f"<@!{h.fake.bot_user.id}> VM escape")
    reply = await h.fake.next_message(w.general)
    assert embed_of(reply)["title"] == "VM escape"
    h.assert_alive()


async def test_an_out_of_scope_question_to_the_bot_gets_not_in_the_notes(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    await h.fake.send_message(
        w.member, w.general, f"{h.fake.bot_user.mention} what is a sandwich, @everyone?"
    )
    reply = await h.fake.next_message(w.general)
    # the question as read, without the @everyone that was markup, not a word of it
    assert reply["content"] == "“what is a sandwich?” is not in the notes."
    assert reply["embeds"] == []
    (send,) = h.fake.sends
    assert send.allowed_mentions == {"parse": [], "replied_user": False}
    assert send.pings == []
    h.assert_alive()


async def test_a_question_in_a_study_channel_gets_a_reply_without_mention(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    await h.fake.send_message(w.member, w.study, "what's a VM?")
    reply = await h.fake.next_message(w.study)
    assert embed_of(reply)["title"] == "Virtual machine"
    h.assert_alive()


async def test_chatter_and_unknown_questions_are_ignored(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    # Chatter in a study channel, a question in a non-study channel without mention,
    # an out-of-scope question in the study channel, and chatter while mentioning the bot.
    await h.fake.send_message(w.member, w.study, "anyone up for lunch?")
    await h.fake.send_message(w.member, w.general, "what is a hypervisor?")
    await h.fake.send_message(w.member, w.study, "what is a sandwich?")
    await h.fake.send_message(w.member, w.general, f"{h.fake.bot_user.mention} thanks, you're great")
    # A real question afterwards: events are handled in order, so its answer must be the first reply.
    await h.fake.send_message(w.member, w.study, "what is a hypervisor?")
    reply = await h.fake.next_message(w.study)
    assert embed_of(reply)["title"] == "Hypervisor"
    assert h.fake.unread_messages(w.study) == []
    assert h.fake.unread_messages(w.general) == []
    assert h.fake.calls_to("POST", r"/channels/\d+/messages$") == [h.fake.calls_to("POST", r"/channels/")[-1]]
    h.assert_alive()


def write_topic(path: Path, title: str, entries: list[dict[str, Any]]) -> Path:
    """A knowledge file with one topic."""
    import yaml

    path.write_text(
        yaml.safe_dump({"topic": {"title": title, "objective": "9.9"}, "entries": entries}), "utf-8"
    )
    return path


async def test_mentions_inside_notes_never_ping(start_bot: StartBot, tmp_path: Path) -> None:
    noisy = write_topic(
        tmp_path / "noisy.yaml",
        "Pings",
        [
            {
                "term": "Broadcast storm",
                "aliases": ["@everyone storm"],
                "definition": "When @everyone and @here and <@1234567890> and <@&987654321> get pinged.",
                "details": ["Ask @everyone to stop."],
            }
        ],
    )
    h = await start_bot(lambda w: {"knowledge": {"paths": [str(noisy)]}})
    w = h.world
    handle = await h.fake.slash(w.member, w.general, "define", term="Broadcast storm")
    card = await handle.message()
    assert "@everyone" in embed_of(card)["description"]
    await h.fake.send_message(w.member, w.general, f"{h.fake.bot_user.mention} what is a broadcast storm?")
    await h.fake.next_message(w.general)
    await h.fake.send_message(
        w.member, w.general, f"{h.fake.bot_user.mention} what is a sandwich <@&987654321> @everyone?"
    )
    answer = await h.fake.next_message(w.general)
    assert message_text(answer) == "“what is a sandwich?” is not in the notes."  # mentions are markup
    h.assert_alive()

    assert len(h.fake.sends) == 3
    for send in h.fake.sends:
        allowed = send.allowed_mentions
        assert allowed is not None, send
        assert allowed["parse"] == []
        assert not allowed.get("users")
        assert not allowed.get("roles")
        assert send.pings == []
        if send.kind == "reply":
            assert allowed.get("replied_user") is False


async def test_an_over_long_entry_stays_within_discord_limits(start_bot: StartBot, tmp_path: Path) -> None:
    word = "virtualization "
    long_term = "Extremely " * 30 + "long term"
    huge = write_topic(
        tmp_path / "huge.yaml",
        "Huge " * 80,
        [
            {
                "term": long_term,
                "aliases": [f"alias number {i} " + "x" * 80 for i in range(40)],
                "definition": word * 400,
                "details": [f"Detail {i}: " + word * 30 for i in range(60)],
                "examples": [f"Example {i}: " + word * 30 for i in range(60)],
            }
        ],
    )
    h = await start_bot(lambda w: {"knowledge": {"paths": [str(huge)]}})
    w = h.world
    choices = await h.fake.autocomplete(w.member, w.general, "define", focused="term", term="Extremely")
    assert choices
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert choices[0]["name"].endswith("…")

    # The user picks the (shortened) autocomplete choice; it still resolves to the entry.
    message = await (await h.fake.slash(w.member, w.general, "define", term=choices[0]["value"])).message()
    embed = embed_of(message)
    assert len(embed["title"]) <= 256
    assert embed["title"].endswith("…")
    assert len(embed["description"]) <= 4096
    assert embed["description"].endswith("…")
    assert all(len(f["value"]) <= 1024 for f in embed["fields"])
    assert "more" in fields_of(embed)["Details"]
    assert len(message_text(message)) <= 6000 + 100  # field names and separators
    assert not embed["description"].endswith(" …"), "cut at a word boundary, without a dangling space"

    await h.fake.send_message(w.member, w.general, f"{h.fake.bot_user.mention} {long_term}")
    reply = await h.fake.next_message(w.general)
    assert len(embed_of(reply)["description"]) <= 4096
    h.assert_alive()
    assert h.fake.violations == []


async def test_look_ups_have_a_per_member_cooldown(start_bot: StartBot) -> None:
    h = await start_bot({"lookup": {"cooldown_rate": 2, "cooldown_seconds": 60}})
    w = h.world
    for _ in range(2):
        answer = await (await h.fake.slash(w.member, w.general, "define", term="VM")).message()
        assert embed_of(answer)["title"] == "Virtual machine"
    refused = await (await h.fake.slash(w.member, w.general, "define", term="VM")).message()
    assert refused["flags"] & EPHEMERAL
    assert refused["content"].startswith("Easy there: you can do that again in ")
    assert refused["embeds"] == []
    # Another member has their own allowance.
    other = await (await h.fake.slash(w.moderator, w.general, "define", term="VM")).message()
    assert embed_of(other)["title"] == "Virtual machine"
    h.assert_alive()


async def test_a_comparison_shows_both_entries_and_an_example_says_so(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    handle = await h.fake.slash(
        w.member, w.general, "define", term="difference between type 1 and type 2 hypervisor"
    )
    both = await handle.message()
    h.assert_alive()
    assert both["content"] == "Type I hypervisor and Type II hypervisor compared:"
    assert [e["title"] for e in both["embeds"]] == ["Type I hypervisor", "Type II hypervisor"]
    assert not both["flags"] & EPHEMERAL

    await h.fake.send_message(w.member, w.study, "what is docker?")
    reply = await h.fake.next_message(w.study)
    h.assert_alive()
    assert reply["content"] == "Docker is an example of Application containerization."
    assert embed_of(reply)["title"] == "Application containerization"


async def test_a_comparison_of_two_long_entries_fits_one_message(start_bot: StartBot, tmp_path: Path) -> None:
    long = "word " * 900
    notes = tmp_path / "long.yaml"
    notes.write_text(
        "topic: {title: Long}\nentries:\n"
        f"  - {{term: Alpha, definition: '{long}', details: ['{long}', '{long}']}}\n"
        f"  - {{term: Beta, definition: '{long}', details: ['{long}', '{long}']}}\n",
        encoding="utf-8",
    )
    h = await start_bot({"knowledge": {"paths": [str(notes)]}})
    w = h.world
    message = await (await h.fake.slash(w.member, w.general, "define", term="alpha vs beta")).message()
    h.assert_alive()
    assert [e["title"] for e in message["embeds"]] == ["Alpha", "Beta"]
