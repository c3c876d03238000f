"""Questions for the FAQ: answered from the knowledge base, declined ones kept for review."""

from __future__ import annotations

from bot.services.unit_of_work import UnitOfWork
from bot.storage.records import UnansweredQuestion
from coach.checkins import PainSite
from coach.faq import FaqAnswer, KnowledgeBase

# What is kept of a declined question for the operator's review.
STORED_QUESTION_LIMIT = 1000


def answer_question(
    uow: UnitOfWork, faq: KnowledgeBase, question: str, user_id: int | None
) -> FaqAnswer:
    """The FAQ's answer; a question it declines is stored so the answers can grow."""
    answer = faq.answer(question, injury=_open_injury(uow, user_id))
    if not answer.answered:
        uow.questions.add(question[:STORED_QUESTION_LIMIT], answer.score, user_id=user_id)
    return answer


def _open_injury(uow: UnitOfWork, user_id: int | None) -> frozenset[PainSite]:
    if user_id is None:
        return frozenset()
    return frozenset(injury.site for injury in uow.injuries.open(user_id))


def unanswered_questions(uow: UnitOfWork, limit: int) -> list[UnansweredQuestion]:
    """The questions the coach declined, newest first, for the operator to review."""
    return uow.questions.list_recent(max(1, limit))
