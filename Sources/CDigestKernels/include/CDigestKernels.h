#ifndef DOSSIER_DIGEST_KERNELS_H
#define DOSSIER_DIGEST_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the x86 SHA extensions (and the SSSE3 and SSE4.1 the kernels
/// below also use), 0 otherwise (and on every other architecture).
int dossier_sha_extensions_available(void);

/// The 64 round constants of SHA-256 (FIPS 180-4 4.2.2), for the kernel and the portable rounds.
extern const uint32_t dossier_sha256_k[64];

/// SHA-256 compression of `count` whole 64-byte blocks into `state` (8 words, FIPS 180-4 order),
/// with the SHA extensions. Call only when dossier_sha_extensions_available() is 1.
void dossier_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count);

/// SHA-1 compression of `count` whole 64-byte blocks into `state` (5 words), likewise.
void dossier_sha1_blocks(uint32_t state[5], const uint8_t *blocks, size_t count);

/// Copies the running executable's GNU build ID (the linker's digest of the linked file) into
/// `out` and returns its length in bytes; 0 when it has none, or one longer than `capacity`.
size_t dossier_build_id(uint8_t *out, size_t capacity);

/// Asks the processor to bring the cache line at `address` in ahead of a write to it: a hint,
/// with no effect on any result. For hash tables too large for the caches, whose every probe
/// would otherwise wait on memory.
static inline void dossier_prefetch(const void *address) { __builtin_prefetch(address, 1, 3); }

#endif
