/*
 * minhash.c -- near-duplicate signatures (minhash.h).
 */
#include "analyse/minhash.h"

#include "wordhash.h"

#include <string.h>

static void add_shingle(sr_minhash *m, uint64_t h)
{
    h = sr_mix64(h);
    unsigned bin = (unsigned)(h >> (64 - 5)); /* 32 bins */
    uint32_t v = (uint32_t)h;
    if (v < m->v[bin])
        m->v[bin] = v;
}

void sr_minhash_doc(const sitrep_doc *doc, sr_minhash *out)
{
    for (int i = 0; i < SR_MINHASH; i++)
        out->v[i] = UINT32_MAX;
    size_t n;
    const sitrep_token *t = sitrep_doc_tokens(doc, &n);
    uint64_t w[4] = {0, 0, 0, 0};
    size_t words = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind != SITREP_TOK_WORD && t[i].kind != SITREP_TOK_NUMBER)
            continue;
        w[0] = w[1];
        w[1] = w[2];
        w[2] = w[3];
        w[3] = sr_word_hash(doc->src + t[i].start, t[i].end - t[i].start);
        if (++words >= 4)
            add_shingle(out, w[0] * 0x9E3779B97F4A7C15ull ^ w[1] * 0xC2B2AE3D27D4EB4Full ^
                                 w[2] * 0x165667B19E3779F9ull ^ w[3]);
    }
    if (words < 4) /* too short for shingles: its words */
        for (size_t k = 4 - (words < 4 ? words : 4); k < 4; k++)
            add_shingle(out, w[k]);
    /* empty bins borrow from the next full one, rotated by the distance */
    bool any = false;
    for (int i = 0; i < SR_MINHASH; i++)
        any |= out->v[i] != UINT32_MAX;
    if (!any)
        return;
    uint32_t fill[SR_MINHASH];
    for (int i = 0; i < SR_MINHASH; i++) {
        int j = i, d = 0;
        while (out->v[j] == UINT32_MAX) {
            j = (j + 1) % SR_MINHASH;
            d++;
        }
        fill[i] = d ? (uint32_t)sr_mix64(out->v[j] + (uint64_t)d * 0x9E3779B97F4A7C15ull) : out->v[i];
    }
    memcpy(out->v, fill, sizeof fill);
}

double sr_minhash_similarity(const sr_minhash *a, const sr_minhash *b)
{
    int same = 0;
    for (int i = 0; i < SR_MINHASH; i++)
        same += a->v[i] == b->v[i];
    return (double)same / SR_MINHASH;
}

uint64_t sr_minhash_band(const sr_minhash *m, int band)
{
    uint64_t h = (uint64_t)band * 0xD6E8FEB86659FD93ull;
    for (int r = 0; r < SR_MINHASH_ROWS; r++)
        h = sr_mix64(h ^ m->v[band * SR_MINHASH_ROWS + r]);
    return h ? h : 1;
}
