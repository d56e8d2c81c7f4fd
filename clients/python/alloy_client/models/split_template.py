from enum import StrEnum

class SplitTemplate(StrEnum):
    FULL_BODY = "full_body"
    HYBRID = "hybrid"
    PUSH_PULL_LEGS = "push_pull_legs"
    UPPER_LOWER = "upper_lower"

    def __str__(self) -> str:
        return str(self.value)
