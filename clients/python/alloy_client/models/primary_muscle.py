from enum import StrEnum

class PrimaryMuscle(StrEnum):
    ADDUCTORS = "adductors"
    BICEPS = "biceps"
    CALVES = "calves"
    CHEST = "chest"
    CORE = "core"
    FOREARMS = "forearms"
    FRONT_DELTS = "front_delts"
    FULL_BODY = "full_body"
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    HIP_FLEXORS = "hip_flexors"
    LATS = "lats"
    LOWER_BACK = "lower_back"
    NECK = "neck"
    OBLIQUES = "obliques"
    QUADRICEPS = "quadriceps"
    REAR_DELTS = "rear_delts"
    SIDE_DELTS = "side_delts"
    TRICEPS = "triceps"
    UPPER_BACK = "upper_back"

    def __str__(self) -> str:
        return str(self.value)
