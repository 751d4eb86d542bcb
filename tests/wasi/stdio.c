// Stdio descriptors: types and rights as wasi-libc sees them (stdout/stderr are pipes or captured
// buffers here, stdin is empty), isatty, reading EOF from stdin, and writing to stderr.
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include <wasi/api.h>

int main(void) {
    for (int fd = 0; fd < 3; fd++) {
        __wasi_fdstat_t st;
        __wasi_errno_t e = __wasi_fd_fdstat_get(fd, &st);
        printf("fd %d: errno=%d isatty=%d type=%d flags=%d rights=%llx\n", fd, e, isatty(fd), st.fs_filetype,
               st.fs_flags, (unsigned long long)st.fs_rights_base);
    }
    char buf[8];
    printf("read stdin: %zd\n", read(0, buf, sizeof buf));
    fprintf(stderr, "to stderr\n");
    __wasi_fdstat_t st;
    printf("fd 9: errno=%d\n", __wasi_fd_fdstat_get(9, &st));
    return 0;
}
