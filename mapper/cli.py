def main() -> None:
    raise SystemExit("mapper: not built yet")
