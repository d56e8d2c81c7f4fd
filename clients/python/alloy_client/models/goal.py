from enum import StrEnum

class Goal(StrEnum):
    ENDURANCE = "endurance"
    EXPLOSIVENESS = "explosiveness"
    FAT_LOSS = "fat_loss"
    HYPERTROPHY = "hypertrophy"
    MOBILITY = "mobility"
    SPEED = "speed"
    STRENGTH = "strength"

    def __str__(self) -> str:
        return str(self.value)
