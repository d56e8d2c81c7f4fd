"""Which Locust user classes make up each scenario. Imported by the CLI without importing Locust."""

SCENARIOS: dict[str, tuple[str, ...]] = {
    "smoke": ("SmokeVisitor",),
    "browse": ("LibraryBrowser",),
    "day": ("DailyTrainee",),
    "onboarding": ("NewUser",),
    "admin": ("Administrator",),
    "mixed": ("LibraryBrowser", "DailyTrainee", "NewUser", "Administrator"),
}
