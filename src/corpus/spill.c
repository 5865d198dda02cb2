/*
 * spill.c -- a corpus's temporary file (spill.h).
 */
#include "corpus/spill.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What is gathered before one write: few system calls, little memory. */
#define SPILL_CHUNK ((size_t)1 << 16)

/* The read-back buffer: reads of up to BLOCK_SMALL bytes in the file are
 * served from a block of up to BLOCK_SIZE bytes of it, read whole at a
 * BLOCK_ALIGN boundary before them.  The corpus reads rows and quotes a
 * few dozen bytes each near the ones before (a claim's spans, then their
 * quotes): a pread each was most of extract's system time. */
#define BLOCK_SIZE 4096
#define BLOCK_ALIGN 512
#define BLOCK_SMALL 1024

struct sr_spill_block {
    uint64_t at;         /* the file's bytes [at, at + len) */
    size_t len;          /* 0: none */
    char data[BLOCK_SIZE];
};

void sr_spill_init(sr_spill *s, const sitrep_mem *mem)
{
    s->fd = -1;
    s->flushed = 0;
    s->err = 0;
    s->block = NULL;
    sr_buf_init(&s->pending, mem);
}

void sr_spill_free(sr_spill *s)
{
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
    if (s->block)
        s->pending.mem->free(s->block);
    s->block = NULL;
    sr_buf_free(&s->pending);
}

static sitrep_status fail(sr_spill *s, int err)
{
    if (!s->err)
        s->err = err ? err : EIO;
    errno = s->err;
    return SITREP_EIO;
}

static sitrep_status open_file(sr_spill *s)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !dir[0])
        dir = "/tmp";
    size_t n = strlen(dir) + sizeof "/sitrep-spill-XXXXXX";
    const sitrep_mem *mem = s->pending.mem;
    char *path = mem->calloc(1, n);
    if (!path)
        return SITREP_ENOMEM;
    snprintf(path, n, "%s/sitrep-spill-XXXXXX", dir);
    int fd = mkstemp(path);
    int err = errno;
    if (fd >= 0) {
        unlink(path); /* nothing is left behind, whatever ends the run */
        (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    mem->free(path);
    if (fd < 0)
        return fail(s, err);
    s->fd = fd;
    /* without it, every read is a pread */
    s->block = mem->calloc(1, sizeof *s->block);
    return SITREP_OK;
}

/* Writes p[0..n) at offset `at` of the file. */
static sitrep_status write_at(sr_spill *s, const char *p, size_t n, uint64_t at)
{
    if (s->fd < 0) {
        sitrep_status st = open_file(s);
        if (st != SITREP_OK)
            return st;
    }
    while (n > 0) {
        ssize_t w = pwrite(s->fd, p, n, (off_t)at);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return fail(s, w < 0 ? errno : ENOSPC);
        p += w;
        n -= (size_t)w;
        at += (uint64_t)w;
    }
    return SITREP_OK;
}

static sitrep_status flush(sr_spill *s)
{
    if (s->pending.len == 0)
        return SITREP_OK;
    sitrep_status st = write_at(s, s->pending.data, s->pending.len, s->flushed);
    if (st == SITREP_OK) {
        s->flushed += s->pending.len;
        s->pending.len = 0;
    }
    return st;
}

sitrep_status sr_spill_put(sr_spill *s, const void *p, size_t n, uint64_t *at)
{
    if (s->err)
        return fail(s, s->err);
    sitrep_status st = SITREP_OK;
    if (s->pending.len + n > SPILL_CHUNK)
        st = flush(s);
    if (st != SITREP_OK)
        return st;
    *at = s->flushed + s->pending.len;
    if (n <= SPILL_CHUNK)
        return sr_buf_put(&s->pending, p, n) ? SITREP_OK : SITREP_ENOMEM;
    /* a large piece goes straight to the file, not through the buffer */
    st = write_at(s, p, n, s->flushed);
    if (st == SITREP_OK)
        s->flushed += n;
    return st;
}

void sr_spill_reset(sr_spill *s)
{
    s->flushed = 0;
    s->pending.len = 0;
    if (s->block) /* the file's bytes are written again */
        s->block->len = 0;
}

/* Reads the file's n bytes at `at` into p (all of them in the file). */
static sitrep_status read_at(const sr_spill *s, uint64_t at, char *out, size_t n)
{
    while (n > 0) {
        ssize_t r = pread(s->fd, out, n, (off_t)at);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r == 0)
                errno = EIO;
            return SITREP_EIO;
        }
        out += r;
        n -= (size_t)r;
        at += (uint64_t)r;
    }
    return SITREP_OK;
}

sitrep_status sr_spill_get(const sr_spill *s, uint64_t at, void *p, size_t n)
{
    char *out = p;
    if (at + n > s->flushed + s->pending.len)
        return SITREP_EARG;
    /* a small read in the file: from the block around it */
    sr_spill_block *b = s->block;
    if (n <= BLOCK_SMALL && at + n <= s->flushed && n > 0) {
        if (b && !(b->len && at >= b->at && at + n <= b->at + b->len)) {
            uint64_t from = at - at % BLOCK_ALIGN;
            size_t len = s->flushed - from < BLOCK_SIZE ? (size_t)(s->flushed - from) : BLOCK_SIZE;
            b->len = 0;
            sitrep_status st = read_at(s, from, b->data, len);
            if (st != SITREP_OK)
                return st;
            b->at = from;
            b->len = len;
        }
        if (b) {
            memcpy(out, b->data + (at - b->at), n);
            return SITREP_OK;
        }
    }
    /* the part in the file, then the part still in the buffer */
    if (n > 0 && at < s->flushed) {
        size_t want = at + n > s->flushed ? (size_t)(s->flushed - at) : n;
        sitrep_status st = read_at(s, at, out, want);
        if (st != SITREP_OK)
            return st;
        out += want;
        n -= want;
        at += want;
    }
    if (n > 0)
        memcpy(out, s->pending.data + (at - s->flushed), n);
    return SITREP_OK;
}

void sr_rows_init(sr_rows *r, const sitrep_mem *mem, size_t size)
{
    sr_spill_init(&r->file, mem);
    r->size = size;
    r->n = 0;
}

void sr_rows_free(sr_rows *r)
{
    sr_spill_free(&r->file);
    r->n = 0;
}

sitrep_status sr_rows_push(sr_rows *r, const void *row)
{
    uint64_t at;
    sitrep_status st = sr_spill_put(&r->file, row, r->size, &at);
    if (st == SITREP_OK)
        r->n++;
    return st;
}

sitrep_status sr_rows_get(const sr_rows *r, size_t i, size_t n, void *out)
{
    if (i > r->n || n > r->n - i)
        return SITREP_EARG;
    return sr_spill_get(&r->file, (uint64_t)i * r->size, out, n * r->size);
}

sitrep_status sr_rows_load(const sr_rows *r, size_t i, size_t n, sr_buf *buf)
{
    buf->len = 0;
    if (!sr_buf_reserve(buf, n * r->size + 1))
        return SITREP_ENOMEM;
    sitrep_status st = sr_rows_get(r, i, n, buf->data);
    if (st == SITREP_OK)
        buf->len = n * r->size;
    return st;
}
