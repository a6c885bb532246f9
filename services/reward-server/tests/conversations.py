"""Conversations the tests score."""

from __future__ import annotations


def chat(instruction: str, response: str, system: str | None = None) -> list[dict[str, str]]:
    turns = [{"role": "system", "content": system}] if system else []
    return [*turns, {"role": "user", "content": instruction}, {"role": "assistant", "content": response}]


# Different lengths on purpose: a batch of them is padded, each alone is not.
VARIED = [
    chat("What is 2 + 2?", "4"),
    chat("Solve 2x + 3 = 11.", "Subtract 3 to get 2x = 8, then divide by 2: x = 4. The answer is \\boxed{4}."),
    chat("What is 2 + 2?", "The answer is \\boxed{5}."),
    chat("Find the derivative of x^3.", "By the power rule it is 3x^2."),
    chat("Is every prime odd?", "No: 2 is prime and even.", system="You are a careful mathematician."),
    chat("What is the third angle of a 30-60 triangle?", "90 degrees, since the angles sum to 180."),
    chat("Roll a fair die; what is P(6)?", "1/6"),
]
