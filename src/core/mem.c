/*
 * mem.c -- the default allocator, the per-document arena and sr_buf.
 */
#include "core.h"

#include <stdlib.h>
#include <string.h>

static const sitrep_mem default_mem = {calloc, realloc, free};

const sitrep_mem *sr_mem_or_default(const sitrep_mem *mem)
{
    return mem ? mem : &default_mem;
}

struct sr_arena_chunk {
    sr_arena_chunk *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
};

void sr_arena_init(sr_arena *a, const sitrep_mem *mem, size_t chunk_size)
{
    a->mem = sr_mem_or_default(mem);
    a->head = NULL;
    a->chunk_size = chunk_size ? chunk_size : 16384;
}

void *sr_arena_alloc(sr_arena *a, size_t size)
{
    size = (size + 15u) & ~(size_t)15u;
    if (size == 0)
        size = 16;
    sr_arena_chunk *c = a->head;
    if (c == NULL || c->size - c->used < size) {
        size_t want = size > a->chunk_size ? size : a->chunk_size;
        if (want > SIZE_MAX - sizeof(sr_arena_chunk))
            return NULL;
        c = a->mem->calloc(1, sizeof(sr_arena_chunk) + want);
        if (c == NULL)
            return NULL;
        c->size = want;
        c->used = 0;
        c->next = a->head;
        a->head = c;
        /* Grow chunks geometrically so a big article needs few of them. */
        if (a->chunk_size < (1u << 20))
            a->chunk_size *= 2;
    }
    void *p = c->data + c->used;
    c->used += size;
    return p; /* chunks come zeroed from calloc and are never reused */
}

char *sr_arena_strndup(sr_arena *a, const char *s, size_t n)
{
    char *p = sr_arena_alloc(a, n + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void sr_arena_free(sr_arena *a)
{
    sr_arena_chunk *c = a->head;
    while (c) {
        sr_arena_chunk *next = c->next;
        a->mem->free(c);
        c = next;
    }
    a->head = NULL;
}

void sr_buf_init(sr_buf *b, const sitrep_mem *mem)
{
    b->mem = sr_mem_or_default(mem);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

bool sr_buf_reserve(sr_buf *b, size_t extra)
{
    if (b->cap - b->len > extra)
        return true;
    if (extra > SIZE_MAX / 2 - b->len)
        return false;
    /* a first block of 512 bytes: the per-article vectors (candidates,
     * memos, events) grow past 64 bytes at their second element, and
     * each doubling from 64 was a realloc, a copy and, with the heap top
     * trimmed after every article, fresh pages to fault in */
    size_t cap = b->cap ? b->cap : 512;
    while (cap - b->len <= extra)
        cap *= 2;
    char *p = b->mem->realloc(b->data, cap);
    if (p == NULL)
        return false;
    b->data = p;
    b->cap = cap;
    return true;
}

bool sr_buf_put(sr_buf *b, const void *data, size_t n)
{
    if (!sr_buf_reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool sr_buf_putc(sr_buf *b, char c)
{
    return sr_buf_put(b, &c, 1);
}

bool sr_buf_puts(sr_buf *b, const char *s)
{
    return sr_buf_put(b, s, strlen(s));
}

void sr_buf_clear(sr_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void sr_buf_fit(sr_buf *b)
{
    char *p = b->data ? b->mem->realloc(b->data, b->len + 1) : NULL;
    if (p) {
        b->data = p;
        b->cap = b->len + 1;
    }
}

void sr_buf_free(sr_buf *b)
{
    b->mem->free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int sr_buf_write_cb(const char *data, size_t len, void *ctx)
{
    return sr_buf_put(ctx, data, len) ? 0 : -1;
}

static void merge_pass(char *src, char *dst, size_t n, size_t size, size_t width, sr_cmp_fn cmp,
                       void *ctx)
{
    for (size_t lo = 0; lo < n; lo += 2 * width) {
        size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
        size_t i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
            if (cmp(src + j * size, src + i * size, ctx) < 0)
                memcpy(dst + k++ * size, src + j++ * size, size);
            else
                memcpy(dst + k++ * size, src + i++ * size, size);
        }
        if (i < mid)
            memcpy(dst + k * size, src + i * size, (mid - i) * size), k += mid - i;
        if (j < hi)
            memcpy(dst + k * size, src + j * size, (hi - j) * size);
    }
}

bool sr_sort(void *base, size_t n, size_t size, sr_cmp_fn cmp, void *ctx, const sitrep_mem *mem)
{
    if (n < 2)
        return true;
    char *tmp = mem->calloc(n, size);
    if (!tmp)
        return false;
    char *a = base, *b = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        merge_pass(a, b, n, size, width, cmp, ctx);
        char *t = a;
        a = b;
        b = t;
    }
    if (a != base)
        memcpy(base, a, n * size);
    mem->free(tmp);
    return true;
}
