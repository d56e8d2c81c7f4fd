from enum import StrEnum

class MovementPattern(StrEnum):
    CARDIO = "cardio"
    CARRY = "carry"
    CONDITIONING = "conditioning"
    CORE = "core"
    HINGE = "hinge"
    HORIZONTAL_PULL = "horizontal_pull"
    HORIZONTAL_PUSH = "horizontal_push"
    ISOLATION = "isolation"
    LUNGE = "lunge"
    MOBILITY = "mobility"
    OLYMPIC = "olympic"
    PLYOMETRIC = "plyometric"
    ROTATION = "rotation"
    SQUAT = "squat"
    VERTICAL_PULL = "vertical_pull"
    VERTICAL_PUSH = "vertical_push"

    def __str__(self) -> str:
        return str(self.value)
