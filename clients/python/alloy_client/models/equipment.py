from enum import StrEnum

class Equipment(StrEnum):
    BAND = "band"
    BARBELL = "barbell"
    BENCH = "bench"
    BIKE = "bike"
    BODYWEIGHT = "bodyweight"
    BOX = "box"
    CABLE = "cable"
    DUMBBELL = "dumbbell"
    JUMP_ROPE = "jump_rope"
    KETTLEBELL = "kettlebell"
    LANDMINE = "landmine"
    MACHINE = "machine"
    MEDICINE_BALL = "medicine_ball"
    PULL_UP_BAR = "pull_up_bar"
    RINGS = "rings"
    ROWER = "rower"
    SANDBAG = "sandbag"
    SKI_ERG = "ski_erg"
    SLED = "sled"
    TRAP_BAR = "trap_bar"

    def __str__(self) -> str:
        return str(self.value)
