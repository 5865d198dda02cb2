/*
 * minhash.h -- a document's near-duplicate signature: MinHash over 4-word
 * shingles, worked out from its tokens; the corpus keeps it and cluster/
 * compares signatures.
 *
 * One hash per shingle ("one permutation hashing"): the top bits choose
 * one of SR_MINHASH bins, each bin keeps its smallest value, and empty
 * bins borrow from the next full one (rotation densification), so a
 * signature costs one multiply-mix per word and two signatures estimate
 * the Jaccard similarity of the articles' shingle sets by the share of
 * equal bins.  Bands of SR_MINHASH_ROWS bins make the keys of the
 * locality-sensitive index: two articles of similarity 0.8 share a band
 * with probability 0.985, two of 0.3 with 0.06.
 */
#ifndef SITREP_MINHASH_H
#define SITREP_MINHASH_H

#include "doc.h"

#define SR_MINHASH 32
#define SR_MINHASH_ROWS 4
#define SR_MINHASH_BANDS (SR_MINHASH / SR_MINHASH_ROWS)

typedef struct sr_minhash {
    uint32_t v[SR_MINHASH];
} sr_minhash;

/* The signature of the document's article text (its tokens). */
void sr_minhash_doc(const sitrep_doc *doc, sr_minhash *out);

/* Estimated Jaccard similarity of two signatures, 0..1. */
double sr_minhash_similarity(const sr_minhash *a, const sr_minhash *b);

/* The key of band `band` (0..SR_MINHASH_BANDS-1), never 0. */
uint64_t sr_minhash_band(const sr_minhash *m, int band);

#endif
