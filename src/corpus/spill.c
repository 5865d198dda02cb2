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

void sr_spill_init(sr_spill *s, const sitrep_mem *mem)
{
    s->fd = -1;
    s->flushed = 0;
    s->err = 0;
    sr_buf_init(&s->pending, mem);
}

void sr_spill_free(sr_spill *s)
{
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
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
}

sitrep_status sr_spill_get(const sr_spill *s, uint64_t at, void *p, size_t n)
{
    char *out = p;
    if (at + n > s->flushed + s->pending.len)
        return SITREP_EARG;
    /* the part in the file, then the part still in the buffer */
    while (n > 0 && at < s->flushed) {
        size_t want = n;
        if (at + want > s->flushed)
            want = (size_t)(s->flushed - at);
        ssize_t r = pread(s->fd, out, want, (off_t)at);
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
