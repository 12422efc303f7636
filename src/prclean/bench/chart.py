"""F1 against speed, one point per system and input kind: the benchmark at a glance."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def write_chart(report: dict[str, Any], path: Path) -> None:
    """Write a PNG: one panel per corpus, F1 (y) against docs/s (x, log), colour = system,
    shape = input kind.  Needs the ``bench`` extra (matplotlib)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    rows = [r for r in report["table"] if r["kind"] in ("html", "text") and r["docs_per_s"] > 0]
    corpora = sorted({r["corpus"] for r in rows})
    systems = sorted({r["system"] for r in rows}, key=lambda s: (s != "prclean", s))
    colours = {s: plt.get_cmap("tab10")(i % 10) for i, s in enumerate(systems)}
    markers = {"html": "o", "text": "s"}
    fig, axes = plt.subplots(1, max(1, len(corpora)), figsize=(5 * max(1, len(corpora)), 4.8), dpi=110,
                             sharey=True, squeeze=False)
    for ax, corpus in zip(axes[0], corpora):
        for r in (r for r in rows if r["corpus"] == corpus):
            ax.scatter(r["docs_per_s"], r["f1"], color=colours[r["system"]], marker=markers[r["kind"]],
                       s=90 if r["system"] == "prclean" else 45, edgecolors="black", linewidths=0.4)
        ax.set_xscale("log")
        ax.set_title(corpus)
        ax.set_xlabel("documents / second (one process)")
        ax.grid(True, which="both", alpha=0.3)
    axes[0][0].set_ylabel("shingle F1 (word 4-grams)")
    handles = [Line2D([], [], color=colours[s], marker="o", linestyle="", label=s) for s in systems]
    handles += [Line2D([], [], color="grey", marker=m, linestyle="", label=k) for k, m in markers.items()]
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 6), fontsize=8, frameon=False)
    fig.suptitle("prclean and peers: quality against speed")
    fig.tight_layout(rect=(0, 0.1, 1, 0.95))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
