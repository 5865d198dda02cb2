/*
 * spill.h -- a corpus's temporary file: bytes it needs again only later
 * (an undated article's input, read again once its story dates it) kept
 * on disk, not in memory, so that a run's memory does not grow with the
 * bytes of its articles.
 *
 * The file is made on first use in $TMPDIR (else /tmp) and unlinked at
 * once: it is gone when the corpus is freed, when the process ends, and
 * when it is killed.  Bytes are appended through a small buffer and read
 * back with pread by their offset; a small read (a row, a quote) takes
 * the block of the file around it into a read-back buffer of its own, so
 * that the reads near it after it are no system call.  A failed write (a
 * full disk, a file size limit) is SITREP_EIO, with errno set as the
 * system set it.  Reading fills that buffer: one thread at a time reads a
 * spill file, as one at a time uses a corpus.
 */
#ifndef SITREP_CORPUS_SPILL_H
#define SITREP_CORPUS_SPILL_H

#include "core/core.h"

typedef struct sr_spill_block sr_spill_block;

typedef struct sr_spill {
    int fd;              /* -1 until the first bytes */
    uint64_t flushed;    /* bytes in the file */
    sr_buf pending;      /* the bytes after them, not written yet */
    int err;             /* errno of the first failure, 0: later calls fail alike */
    sr_spill_block *block; /* the read-back buffer (spill.c), made with the file */
} sr_spill;

void sr_spill_init(sr_spill *s, const sitrep_mem *mem);
/* Appends p[0..n); *at receives its offset. */
sitrep_status sr_spill_put(sr_spill *s, const void *p, size_t n, uint64_t *at);
/* Forgets every byte: the next are written from offset 0 again (the
 * file keeps its size, not its use). */
void sr_spill_reset(sr_spill *s);
/* Reads the n bytes at offset `at` into p. */
sitrep_status sr_spill_get(const sr_spill *s, uint64_t at, void *p, size_t n);
void sr_spill_free(sr_spill *s);

/* An array of rows of one fixed size in a spill file of its own: row i
 * is at i * size.  A row's pointers must stay valid while it is kept
 * (the corpus's own strings), and a row holds no padding bytes. */
typedef struct sr_rows {
    sr_spill file;
    size_t size;         /* bytes of one row */
    size_t n;            /* rows appended */
} sr_rows;

void sr_rows_init(sr_rows *r, const sitrep_mem *mem, size_t size);
sitrep_status sr_rows_push(sr_rows *r, const void *row);
/* Rows [i, i + n) into out[0 .. n * size). */
sitrep_status sr_rows_get(const sr_rows *r, size_t i, size_t n, void *out);
/* The same into buf, whose bytes they replace. */
sitrep_status sr_rows_load(const sr_rows *r, size_t i, size_t n, sr_buf *buf);
void sr_rows_free(sr_rows *r);

#endif
