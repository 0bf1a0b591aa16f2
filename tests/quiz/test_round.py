"""The round state machine: racing typed answers, hints, timeouts, buttons, streaks, stop."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from bot.clock import FakeClock
from bot.knowledge import KnowledgeBase
from bot.quiz import (
    QuestionGenerator,
    QuestionKind,
    QuizRound,
    RoundFinished,
    RoundSettings,
    RoundState,
    RoundStateError,
    SubmitStatus,
)
from bot.quiz.round import WRONG_GUESSES
from tests.quiz.conftest import make_kb

ALICE, BOB, CAROL = 1, 2, 3


def _typed_round(kb: KnowledgeBase, n: int = 3, seconds: int = 20) -> QuizRound:
    settings = RoundSettings.validated(questions=n, seconds=seconds, mode="typed")
    return QuizRound(QuestionGenerator(kb, random.Random(11)).generate(settings), settings, started_by=ALICE)


def _button_round(kb: KnowledgeBase, n: int = 3, seconds: int = 20) -> QuizRound:
    settings = RoundSettings.validated(questions=n, seconds=seconds, mode="buttons")
    gen = QuestionGenerator(kb, random.Random(3))
    questions = [gen.make(e, QuestionKind.MEANING) for e in kb.entries[:n]]
    return QuizRound(questions, settings, started_by=ALICE)


def test_two_members_race_and_the_first_correct_answer_wins(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    quiz = _typed_round(seed_kb)
    asked = quiz.start(clock.now())
    assert (asked.number, asked.total) == (1, 3)
    assert asked.deadline == clock.now() + timedelta(seconds=20)
    term = asked.question.entry.term
    clock.advance(2)
    first = quiz.submit(BOB, term, clock.now())
    second = quiz.submit(ALICE, term, clock.now())
    assert first.status is SubmitStatus.CORRECT
    assert first.scored is not None
    assert first.scored.points == 10 + 9 + 0  # 2 of 20 s used
    assert second.status is SubmitStatus.LATE
    assert quiz.resolved
    closed = quiz.close(clock.now())
    assert [w.member_id for w in closed.winners] == [BOB]
    assert closed.to_record == ()  # the winner was already handed out for storing
    assert not closed.timed_out


def test_a_won_question_settles_its_wrong_tries_once_and_close_leaves_them_out(
    seed_kb: KnowledgeBase,
) -> None:
    clock = FakeClock()
    quiz = _typed_round(seed_kb)
    asked = quiz.start(clock.now())
    assert quiz.submit(ALICE, "banana", clock.now()).status is SubmitStatus.WRONG
    assert quiz.settle() == ()  # not won yet: more guesses may come
    clock.advance(5)
    ok = quiz.submit(CAROL, asked.question.entry.term, clock.now())
    assert ok.status is SubmitStatus.CORRECT
    settled = quiz.settle()
    assert [(a.member_id, a.correct, a.points, a.answered_at) for a in settled] == [
        (ALICE, False, 0, clock.now() - timedelta(seconds=5))
    ]
    assert quiz.settle() == ()
    closed = quiz.close(clock.now())
    assert closed.to_record == ()
    assert [w.member_id for w in closed.winners] == [CAROL]
    standings = {s.member_id: s for s in quiz.standings()}
    assert standings[ALICE].answered == 1  # scored once, by settle


def test_wrong_tries_are_scored_whole_and_end_a_streak(seed_kb: KnowledgeBase) -> None:
    """Every field of a stored wrong try, settled after a win or closed at the timeout: the question's
    term, topic and index, the ms from the question's start to the first wrong guess, no points, and the
    member's streak ended (their next right answer has no streak bonus)."""
    clock = FakeClock()
    quiz = _typed_round(seed_kb, seconds=20)
    asked = quiz.start(clock.now())
    clock.advance(1.5)
    won = quiz.submit(BOB, asked.question.entry.term, clock.now())  # BOB's streak: 1
    assert won.scored is not None
    assert won.scored.streak == 1
    quiz.close(clock.now())
    asked = quiz.next(clock.now())
    entry = asked.question.entry
    clock.advance(0.25)
    quiz.submit(BOB, "banana", clock.now())
    clock.advance(1)
    quiz.submit(ALICE, "kernel", clock.now())
    quiz.submit(BOB, "docker", clock.now())  # a second wrong guess: the first one's time is kept
    closed = quiz.close(asked.deadline)  # nobody won: recorded at close
    assert [
        (a.member_id, a.question_index, a.term, a.topic, a.correct, a.points, a.ms, a.streak)
        for a in closed.to_record
    ] == [
        (BOB, 1, entry.term, entry.topic.title, False, 0, 250, 0),
        (ALICE, 1, entry.term, entry.topic.title, False, 0, 1250, 0),
    ]
    asked = quiz.next(clock.now())
    quiz.submit(ALICE, "banana", clock.now())
    clock.advance(2)
    again = quiz.submit(BOB, asked.question.entry.term, clock.now())
    assert again.scored is not None
    assert again.scored.streak == 1  # the wrong try ended the streak of 1
    assert [(a.member_id, a.question_index, a.ms, a.streak, a.answered_at) for a in quiz.settle()] == [
        (ALICE, 2, 0, 0, clock.now() - timedelta(seconds=2))
    ]
    standings = {s.member_id: s for s in quiz.standings()}
    assert (standings[BOB].answered, standings[BOB].correct, standings[BOB].best_streak) == (3, 2, 1)
    assert (standings[ALICE].answered, standings[ALICE].correct) == (2, 0)


def test_wrong_answers_are_kept_and_recorded_at_close(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    quiz = _typed_round(seed_kb)
    asked = quiz.start(clock.now())
    assert quiz.submit(ALICE, "banana", clock.now()).status is SubmitStatus.WRONG
    assert quiz.submit(ALICE, "still wrong", clock.now()).status is SubmitStatus.WRONG
    clock.advance(5)
    ok = quiz.submit(CAROL, asked.question.entry.term.upper() + "!", clock.now())
    assert ok.status is SubmitStatus.CORRECT
    closed = quiz.close(clock.now())
    assert [(a.member_id, a.correct, a.points) for a in closed.to_record] == [(ALICE, False, 0)]
    standings = {s.member_id: s for s in quiz.standings()}
    assert standings[ALICE].answered == 1
    assert standings[CAROL].points == ok.scored.points  # type: ignore[union-attr]


def test_a_typo_is_accepted(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    settings = RoundSettings.validated(questions=1, seconds=20, mode="typed")
    entry = seed_kb.by_term("Hypervisor")
    assert entry is not None
    quiz = QuizRound(
        [QuestionGenerator(seed_kb, random.Random(0)).make(entry, QuestionKind.WHICH_TERM)], settings
    )
    quiz.start(clock.now())
    assert quiz.submit(BOB, "hypervisr", clock.now()).status is SubmitStatus.CORRECT


def test_hint_at_half_time_then_timeout(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    quiz = _typed_round(seed_kb, seconds=20)
    asked = quiz.start(clock.now())
    assert asked.hint_at == clock.now() + timedelta(seconds=10)
    clock.advance(9)
    assert quiz.due_hint(clock.now()) is None
    clock.advance(1)
    hint = quiz.due_hint(clock.now())
    assert hint is not None
    assert hint.hint == asked.question.hint
    assert hint.hint[0] == asked.question.entry.term[0]
    assert quiz.due_hint(clock.now()) is None  # only once
    clock.advance(10)
    assert quiz.submit(ALICE, asked.question.entry.term, clock.now()).status is SubmitStatus.LATE
    closed = quiz.close(clock.now())
    assert closed.timed_out
    assert closed.winners == ()
    assert closed.question.answer == asked.question.entry.term
    assert quiz.submit(ALICE, asked.question.entry.term, clock.now()).status is SubmitStatus.LATE


def test_buttons_one_answer_per_member_and_faster_scores_more(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    quiz = _button_round(seed_kb)
    asked = quiz.start(clock.now())
    assert asked.hint_at is None
    right = asked.question.answer_index
    assert right is not None
    wrong = (right + 1) % len(asked.question.choices)
    clock.advance(2)
    first = quiz.submit(ALICE, right, clock.now())
    assert first.status is SubmitStatus.RECORDED
    assert first.correct is True
    assert first.scored is None  # scored when time is up
    assert quiz.submit(ALICE, wrong, clock.now()).status is SubmitStatus.ALREADY_ANSWERED
    clock.advance(8)
    assert quiz.submit(BOB, right, clock.now()).status is SubmitStatus.RECORDED
    assert quiz.submit(CAROL, wrong, clock.now()).correct is False
    assert quiz.submit(CAROL, "text in chat", clock.now()).status is SubmitStatus.IGNORED
    assert not quiz.resolved  # button questions always run their full time
    clock.advance(10)
    closed = quiz.close(clock.now())
    points = {a.member_id: a.points for a in closed.to_record}
    assert [w.member_id for w in closed.winners] == [ALICE, BOB]
    assert points[ALICE] > points[BOB] > points[CAROL] == 0


def test_streak_bonus_and_reset(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    quiz = _typed_round(seed_kb, n=4, seconds=10)
    earned = []
    asked = quiz.start(clock.now())
    for i in range(4):
        clock.advance(10)  # answer at the deadline: no speed bonus
        who = ALICE if i != 2 else BOB
        if i == 2:
            quiz.submit(ALICE, "wrong", clock.now() - timedelta(seconds=1))
        result = quiz.submit(who, asked.question.entry.term, clock.now() - timedelta(milliseconds=1))
        assert result.status is SubmitStatus.CORRECT
        earned.append((who, result.scored.points, result.scored.streak))  # type: ignore[union-attr]
        quiz.close(clock.now())
        nxt = quiz.next(clock.now())
        if isinstance(nxt, RoundFinished):
            break
        asked = nxt
    assert earned == [(ALICE, 10, 1), (ALICE, 12, 2), (BOB, 10, 1), (ALICE, 10, 1)]
    best = {s.member_id: s.best_streak for s in quiz.standings()}
    assert best == {ALICE: 2, BOB: 1}


def test_round_runs_to_the_end_and_ranks(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    quiz = _typed_round(seed_kb, n=2)
    asked = quiz.start(clock.now())
    quiz.submit(BOB, asked.question.entry.term, clock.now())
    quiz.close(clock.now())
    asked2 = quiz.next(clock.now())
    assert not isinstance(asked2, RoundFinished)
    assert asked2.number == 2
    clock.advance(5)
    quiz.submit(ALICE, asked2.question.entry.term, clock.now())
    quiz.close(clock.now())
    assert not quiz.has_next
    done = quiz.next(clock.now())
    assert isinstance(done, RoundFinished)
    assert [s.member_id for s in done.standings] == [BOB, ALICE]
    assert quiz.state is RoundState.FINISHED
    assert quiz.submit(ALICE, "x", clock.now()).status is SubmitStatus.NOT_RUNNING


def test_stop_keeps_points_and_blocks_further_moves(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    quiz = _typed_round(seed_kb)
    asked = quiz.start(clock.now())
    quiz.submit(BOB, asked.question.entry.term, clock.now())
    stopped = quiz.stop(clock.now(), by=ALICE)
    assert stopped.stopped
    assert stopped.stopped_by == ALICE
    assert [s.member_id for s in stopped.standings] == [BOB]
    with pytest.raises(RoundStateError):
        quiz.stop(clock.now())
    with pytest.raises(RoundStateError):
        quiz.next(clock.now())


def test_misuse_is_refused(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    quiz = _typed_round(seed_kb)
    assert quiz.submit(ALICE, "x", clock.now()).status is SubmitStatus.NOT_RUNNING
    with pytest.raises(RoundStateError):
        quiz.close(clock.now())
    quiz.start(clock.now())
    with pytest.raises(RoundStateError):
        quiz.start(clock.now())
    with pytest.raises(RoundStateError):
        quiz.finish(clock.now())
    with pytest.raises(ValueError, match="at least one question"):
        QuizRound([], RoundSettings())


def test_three_wrong_guesses_per_member_and_question_then_guesses_are_ignored(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    quiz = _typed_round(seed_kb, n=2)
    asked = quiz.start(clock.now())
    term = asked.question.entry.term
    results = [quiz.submit(ALICE, f"nonsense {n}", clock.now()) for n in range(WRONG_GUESSES)]
    assert [(r.status, r.guesses_left) for r in results] == [
        (SubmitStatus.WRONG, WRONG_GUESSES - 1 - n) for n in range(WRONG_GUESSES)
    ]
    assert results[-1].guesses_left == 0
    ignored = quiz.submit(ALICE, term, clock.now())  # right, but too late for ALICE
    assert ignored.status is SubmitStatus.NO_GUESSES_LEFT
    assert not ignored.accepted
    assert not quiz.resolved
    assert quiz.submit(BOB, term, clock.now()).status is SubmitStatus.CORRECT  # others keep their guesses
    closed = quiz.close(clock.now())
    assert [w.member_id for w in closed.winners] == [BOB]
    assert [(a.member_id, a.correct) for a in closed.to_record] == [(ALICE, False)]  # stored once
    second = quiz.next(clock.now())
    assert not isinstance(second, RoundFinished)
    right = quiz.submit(ALICE, second.question.entry.term, clock.now())  # a new question, new guesses
    assert right.status is SubmitStatus.CORRECT


@pytest.mark.parametrize("blank", ["", "   ", "\n\t", "?!", "...", " - ", "**", "||  ||"])
def test_a_blank_typed_answer_is_no_guess(seed_kb: KnowledgeBase, blank: str) -> None:
    # a message that says nothing (only spaces or punctuation) is no guess: no try spent, nothing scored
    clock = FakeClock()
    quiz = _typed_round(seed_kb, n=1)
    asked = quiz.start(clock.now())
    for _ in range(WRONG_GUESSES + 1):
        result = quiz.submit(ALICE, blank, clock.now())
        assert result.status is SubmitStatus.BLANK
        assert not result.accepted
        assert result.scored is None
    wrong = quiz.submit(ALICE, "nonsense", clock.now())
    assert (wrong.status, wrong.guesses_left) == (SubmitStatus.WRONG, WRONG_GUESSES - 1)
    assert quiz.submit(BOB, asked.question.entry.term, clock.now()).status is SubmitStatus.CORRECT
    assert [(a.member_id, a.correct) for a in quiz.settle()] == [(ALICE, False)]  # the one wrong guess


def test_blank_answers_alone_leave_nothing_to_store_or_rank(seed_kb: KnowledgeBase) -> None:
    clock = FakeClock()
    quiz = _typed_round(seed_kb, n=1)
    quiz.start(clock.now())
    assert quiz.submit(BOB, " ", clock.now()).status is SubmitStatus.BLANK
    closed = quiz.close(clock.now())
    assert closed.to_record == ()
    assert closed.timed_out
    assert quiz.standings() == ()


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("<@123456789012345678>", ""),  # a mention only
        ("<@123456789012345678>  <@!42>", ""),
        ("@moderator", ""),
        ("  ", ""),
        ("**VM**", "VM"),
        ("<@123456789012345678> vm", "vm"),
        ("Virtual machine", "Virtual machine"),
    ],
)
def test_a_chat_message_as_the_typed_answer_it_gives(message: str, answer: str) -> None:
    kb = make_kb({"Virtualization": [("Virtual machine", "A computer emulated in software.")]})
    question = QuestionGenerator(kb, random.Random(1)).make(kb.entries[0], QuestionKind.WHICH_TERM)
    assert question.typed_answer(message) == answer
