// Exit codes: the status passed to exit() is the process's, after flushing stdout.
// args: 42
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    printf("exiting with %s\n", argv[1]);
    exit(atoi(argv[1]));
}
