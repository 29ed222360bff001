"""The HMM alignment model's E-step (Vogel, Ney & Tillmann 1996; NULL states as in Och & Ney 2003):
a word's counterpart depends on where the previous word's counterpart was (a jump), not on its
absolute position, so a clause moved as a whole keeps its links. Forward-backward runs on batches of
units padded to one size, one vectorised step per chain position.

Chains: in the forward direction each unit's target words in order, the states its source words (and
one NULL state per source word, remembering where the chain was); backward, the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_JUMP = 7  # jumps are counted in buckets -MAX_JUMP..MAX_JUMP (longer ones share the end buckets)
BATCH = 64  # units per forward-backward batch (sorted by size, so padding stays small)


@dataclass
class Batch:
    rows: np.ndarray  # (B, chain, states) row index of each (chain position, state), -1 in padding
    chain_ids: np.ndarray  # (B, chain) global chain-position id (a group), -1 in padding
    chain_len: np.ndarray  # (B,)
    states: np.ndarray  # (B,) real states of each unit


def batches(offsets: np.ndarray, src_len: np.ndarray, tgt_len: np.ndarray, forward: bool) -> list[Batch]:
    """The units cut into padded batches for one direction."""
    chain_len = tgt_len if forward else src_len
    states = src_len if forward else tgt_len
    base = np.concatenate([[0], np.cumsum(chain_len)[:-1]]).astype(np.int64)
    units = [u for u in np.lexsort((chain_len, states)).tolist() if chain_len[u] and states[u]]
    out = []
    for lo in range(0, len(units), BATCH):
        chosen = units[lo : lo + BATCH]
        n_chain, n_states = int(chain_len[chosen].max()), int(states[chosen].max())
        rows = np.full((len(chosen), n_chain, n_states), -1, dtype=np.int64)
        chain_ids = np.full((len(chosen), n_chain), -1, dtype=np.int64)
        for b, u in enumerate(chosen):
            c, s = int(chain_len[u]), int(states[u])
            m_len = int(src_len[u])
            n_len = int(tgt_len[u])
            i = np.arange(m_len)[:, None]
            j = np.arange(n_len)[None, :]
            grid = offsets[u] + i * n_len + j  # (m, n) row-major
            rows[b, :c, :s] = grid.T if forward else grid
            chain_ids[b, :c] = base[u] + np.arange(c)
        out.append(Batch(rows, chain_ids, chain_len[chosen], states[chosen]))
    return out


def _jumps(batch: Batch, jump: np.ndarray, p_null: float) -> np.ndarray:
    """(B, S, S): from state i (a real state or its NULL state: both remember position i) to real
    state i' by the jump i' - i, normalised over the unit's states to 1 - p_null; the rest, p_null,
    goes to NULL state i (the chain stays where it was)."""
    n_states = batch.rows.shape[2]
    d = np.arange(n_states)[None, :] - np.arange(n_states)[:, None]
    valid = np.arange(n_states)[None, :] < batch.states[:, None]  # (B, S) the state exists
    real = jump[np.clip(d, -MAX_JUMP, MAX_JUMP) + MAX_JUMP][None, :, :] * valid[:, None, :]
    return real * ((1 - p_null) / np.maximum(real.sum(axis=2, keepdims=True), 1e-300))


def expect(
    batch_list: list[Batch], score: np.ndarray, null_emit: np.ndarray, jump: np.ndarray, p_null: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row posteriors, NULL posterior per chain position (group) and expected jump counts by bucket.

    Alpha and beta are kept for real and NULL states separately; both kinds of state at position i
    move alike, so one (B, S, S) jump matrix serves every step."""
    post = np.zeros(len(score))
    null_post = np.zeros(len(null_emit))
    jumps = np.zeros(2 * MAX_JUMP + 1)
    for batch in batch_list:
        n_b, n_chain, n_states = batch.rows.shape
        pad = batch.rows < 0
        emit = np.where(pad, 0.0, score[np.where(pad, 0, batch.rows)])  # (B, C, S)
        chain_pad = batch.chain_ids < 0
        valid = np.arange(n_states)[None, :] < batch.states[:, None]
        emit_null = np.where(chain_pad, 0.0, null_emit[np.where(chain_pad, 0, batch.chain_ids)])
        emit_null = emit_null[:, :, None] * valid[:, None, :]  # (B, C, S)
        trans = _jumps(batch, jump, p_null)
        live = np.arange(n_chain)[None, :] < batch.chain_len[:, None]  # (B, C)
        start = jump[np.clip(np.arange(n_states) + 1, -MAX_JUMP, MAX_JUMP) + MAX_JUMP][None, :] * valid
        start = start * (1 - p_null) / start.sum(axis=1, keepdims=True)
        real = np.zeros((n_b, n_chain, n_states))
        null = np.zeros((n_b, n_chain, n_states))
        scale = np.ones((n_b, n_chain))
        stay = p_null * emit_null  # into NULL state i from either state at i
        a_real, a_null = start * emit[:, 0], valid / batch.states[:, None] * stay[:, 0]
        for c in range(n_chain):  # a position past a chain's end emits nothing: its alpha is 0
            if c:
                here = real[:, c - 1] + null[:, c - 1]
                a_real = np.matmul(here[:, None, :], trans)[:, 0]
                a_real *= emit[:, c]
                a_null = here * stay[:, c]
            norm = np.maximum(a_real.sum(axis=1) + a_null.sum(axis=1), 1e-300)[:, None]
            np.divide(a_real, norm, out=real[:, c])
            np.divide(a_null, norm, out=null[:, c])
            scale[:, c] = norm[:, 0]
        b_real = np.ones((n_b, n_chain, n_states))  # beta: real and NULL states at i share it
        for c in range(n_chain - 2, -1, -1):
            ahead = emit[:, c + 1] * b_real[:, c + 1]
            b = np.matmul(trans, ahead[:, :, None])[:, :, 0] + stay[:, c + 1] * b_real[:, c + 1]
            b_real[:, c] = np.where(live[:, c + 1, None], b / scale[:, c + 1, None], 1.0)
        g_real, g_null = real * b_real, null * b_real
        total = np.maximum(g_real.sum(axis=2) + g_null.sum(axis=2), 1e-300)[:, :, None]
        g_real *= live[:, :, None] / total
        g_null *= live[:, :, None] / total
        keep = ~pad
        np.add.at(post, batch.rows[keep], g_real[keep])
        null_sum = g_null.sum(axis=2)
        np.add.at(null_post, batch.chain_ids[~chain_pad], null_sum[~chain_pad])
        # expected jumps into real states, summed over the chain before the (B, S, S) product
        into = emit[:, 1:] * b_real[:, 1:] / scale[:, 1:, None] * live[:, 1:, None]
        here = real[:, :-1] + null[:, :-1]
        xi = np.matmul(here.transpose(0, 2, 1), into) * trans  # (B, S, S')
        d = np.clip(np.arange(n_states)[None, :] - np.arange(n_states)[:, None], -MAX_JUMP, MAX_JUMP)
        jumps += np.bincount((d + MAX_JUMP).ravel(), xi.sum(axis=0).ravel(), 2 * MAX_JUMP + 1)
    return post, null_post, jumps
