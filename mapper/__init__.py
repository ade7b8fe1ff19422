"""Map dated, sourced claims of the Armenia–Azerbaijan conflict.

    from gazetteer import Gazetteer
    from mapper import analyse, read_ledger, write_outputs

    gaz = Gazetteer()
    analysis = analyse(read_ledger("claims.csv"), gaz)
    write_outputs(analysis, gaz, Path("output"), "claims", title="Claims")

    to_folium(analysis, gaz, title="Claims")   # a folium.Map, for notebooks
"""

from importlib import import_module

__all__ = [
    "read_ledger", "read_events", "analyse", "write_outputs", "build_map", "to_folium", "ClaimsLayer",
    "Analysis", "Claim", "Ledger", "ClaimantRegistry", "FLAGS",
    "MapperError", "LedgerError", "RenderError",
]

# Imported on first use: the command line should not load folium to print its help.
_HOMES = {
    "read_ledger": "ledger", "read_events": "ledger", "Claim": "ledger", "Ledger": "ledger",
    "ClaimantRegistry": "ledger", "analyse": "analysis", "Analysis": "analysis", "FLAGS": "analysis",
    "write_outputs": "outputs", "build_map": "page", "to_folium": "render", "ClaimsLayer": "render",
    "MapperError": "errors", "LedgerError": "errors", "RenderError": "errors",
}


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module 'mapper' has no attribute {name!r}")
