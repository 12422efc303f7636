"""Conditional logit (softmax over a page's candidates plus a 'none' option) vs per-candidate LR."""
import sys; sys.path.insert(0, "benchmarks")
from pathlib import Path
import numpy as np
from scipy.optimize import minimize
from sklearn.model_selection import GroupKFold
import train_title as T
from prclean.extract.headline import FEATURES
pages = [p for p in T.load_rows(None, Path("/work/scratch/title-cache/rows.pkl")) if p.inp.title]
x, y, owner = T.matrix(pages, FEATURES)
lam = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
pw = np.array([1.0 if p.inp.corpus == "web" else T.RELEASE_WEIGHT for p in pages])

def fit_softmax(idx_pages):
    rows = np.concatenate([np.where(owner == k)[0] for k in idx_pages])
    mu = x[rows].mean(0); sd = x[rows].std(0); sd[sd == 0] = 1
    xs = (x - mu) / sd
    sel = np.isin(owner, idx_pages)
    X = xs[sel]; Y = y[sel]; O = owner[sel]
    # segment ids
    uniq, seg = np.unique(O, return_inverse=True)
    wts = pw[uniq]
    haspos = np.bincount(seg, weights=Y, minlength=len(uniq)) > 0
    def f(theta):
        w, b = theta[:-1], theta[-1]
        s = X @ w + b
        starts = np.r_[0, np.flatnonzero(np.diff(seg)) + 1]
        m = np.maximum(0, np.maximum.reduceat(s, starts))  # per-page shift, the null's score 0 too
        logZ = m + np.log(np.exp(-m) + np.bincount(seg, weights=np.exp(s - m[seg]), minlength=len(uniq)))
        sp = np.where(Y == 1, s, -np.inf)
        mp = np.maximum.reduceat(sp, starts)
        mp_safe = np.where(np.isfinite(mp), mp, 0)
        logP = mp_safe + np.log(np.maximum(1e-300, np.bincount(seg, weights=np.exp(sp - mp_safe[seg]), minlength=len(uniq))))
        loss = np.sum(wts * logZ) - np.sum(wts[haspos] * logP[haspos])
        g_s = wts[seg] * np.exp(s - logZ[seg]) - np.where(Y == 1, wts[seg] * np.exp(np.minimum(0, s - logP[seg])), 0)
        gw = X.T @ g_s + lam * w
        gb = g_s.sum()
        return loss + 0.5 * lam * w @ w, np.append(gw, gb)
    r = minimize(f, np.zeros(X.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 3000})
    w = r.x[:-1] / sd; b = r.x[-1] - (r.x[:-1] * mu / sd).sum()
    return w, b

groups = np.array([p.inp.group for p in pages])
probs = np.zeros(len(y))
for tr, te in GroupKFold(n_splits=5, shuffle=True, random_state=0).split(np.zeros(len(pages)), groups=groups):
    w, b = fit_softmax(tr)
    s = x @ w + b
    for k in te:
        rows = np.where(owner == k)[0]
        if len(rows) == 0: continue
        e = np.exp(s[rows] - max(0, s[rows].max()))
        probs[rows] = e / (np.exp(-max(0, s[rows].max())) + e.sum())
for t in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
    sc = T.score(pages, T.choose(pages, probs, owner, t))
    print(t, " ".join(f"{k}:{a:.3f}/{pr:.3f}" for k,(a,pr,n) in sc.items()))
