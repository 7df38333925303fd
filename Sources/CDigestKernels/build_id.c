// The running executable's GNU build ID: the digest of the linked file that the linker writes
// into it (`.note.gnu.build-id`), read where the loader mapped it. It tells builds of dossier
// apart (`DossierVersion.buildIdentity`) without hashing the executable's file on every command.
#define _GNU_SOURCE
#include "CDigestKernels.h"

#if defined(__linux__)
#include <elf.h>
#include <link.h>
#include <string.h>

struct found_id {
    uint8_t *out;
    size_t capacity;
    size_t length;
};

static int read_main_program(struct dl_phdr_info *info, size_t size, void *context) {
    (void)size;
    struct found_id *found = context;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[i];
        if (header->p_type != PT_NOTE) continue;
        const uint8_t *segment = (const uint8_t *)(info->dlpi_addr + header->p_vaddr);
        size_t offset = 0, end = header->p_memsz;
        // Each note: name size, descriptor size and type (4 bytes each), then the name and the
        // descriptor, each padded to 4 bytes.
        while (end - offset >= sizeof(ElfW(Nhdr))) {
            ElfW(Nhdr) note;
            memcpy(&note, segment + offset, sizeof note);
            size_t name = offset + sizeof note;
            size_t descriptor = name + ((note.n_namesz + 3u) & ~3u);
            size_t next = descriptor + ((note.n_descsz + 3u) & ~3u);
            if (note.n_namesz > end || note.n_descsz > end || next > end || next <= offset) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && memcmp(segment + name, "GNU", 4) == 0) {
                if (note.n_descsz <= found->capacity) {
                    memcpy(found->out, segment + descriptor, note.n_descsz);
                    found->length = note.n_descsz;
                }
                return 1;
            }
            offset = next;
        }
    }
    // The loader lists the main program first: nothing after it is looked at.
    return 1;
}

size_t dossier_build_id(uint8_t *out, size_t capacity) {
    struct found_id found = { out, capacity, 0 };
    dl_iterate_phdr(read_main_program, &found);
    return found.length;
}
#else
size_t dossier_build_id(uint8_t *out, size_t capacity) {
    (void)out;
    (void)capacity;
    return 0;
}
#endif
