"""What a worker process does to itself before it touches hostile input (Linux; elsewhere a no-op).

    die_with_parent(parent_pid)   # SIGKILL when the process that started it dies (even by kill -9)
    deny_network()                # no socket can reach any address: own network namespace + seccomp
    limit_memory(megabytes)       # RLIMIT_AS: an allocation past it fails instead of eating the host
    address_space_mb()            # the address space in use now (a forked worker starts with its parent's)

Used by the SPARQL query workers (kg/sparql/runner.py) and the document parse workers
(kg/parsing/worker.py). Every step degrades with a logged warning where the kernel refuses it; the
other steps and the caller's time limit still hold.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import platform
import signal
import struct
import sys

__all__ = ["address_space_mb", "deny_network", "die_with_parent", "limit_memory"]

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
# seccomp: (audit arch, socket syscall number) of the architectures the filter knows
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}
_AF_INET, _AF_INET6 = 2, 10
_EACCES = 13


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


def die_with_parent(parent_pid: int) -> bool:
    """Ask the kernel to SIGKILL this process when its parent dies; exit now if it already has."""
    libc = _libc()
    if libc is None or libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        log.warning("PR_SET_PDEATHSIG unavailable: this worker may outlive its parent")
        return False
    if os.getppid() != parent_pid:  # the parent died before the prctl took effect
        os._exit(1)
    return True


def deny_network() -> list[str]:
    """Cut this process off the network; returns the layers that took effect (may be empty)."""
    libc = _libc()
    if libc is None:
        log.warning("network isolation is only available on Linux")
        return []
    layers = []
    # a fresh network namespace has only a loopback device, and it is down: nothing is reachable
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0 or libc.unshare(CLONE_NEWNET) == 0:
        layers.append("netns")
    else:
        log.warning("cannot unshare a network namespace (%s)", os.strerror(ctypes.get_errno()))
    if _seccomp_no_inet(libc):
        layers.append("seccomp")
    return layers


def _seccomp_no_inet(libc: ctypes.CDLL) -> bool:
    """A seccomp filter: socket(AF_INET / AF_INET6, …) fails with EACCES; everything else is allowed."""
    arch = _ARCHES.get(platform.machine())
    if arch is None:
        log.warning("no seccomp filter for %s", platform.machine())
        return False
    audit_arch, socket_nr = arch
    ld_abs, jeq_k, ret_k = 0x20, 0x15, 0x06  # BPF_LD|BPF_W|BPF_ABS, BPF_JMP|BPF_JEQ|BPF_K, BPF_RET|BPF_K
    allow, deny = 0x7FFF0000, 0x00050000 | _EACCES  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO
    program = [
        (ld_abs, 0, 0, 4),            # arch
        (jeq_k, 0, 5, audit_arch),    # another ABI (e.g. x32/i386 calls): allow, like every other syscall
        (ld_abs, 0, 0, 0),            # syscall number
        (jeq_k, 0, 3, socket_nr),
        (ld_abs, 0, 0, 16),           # socket's first argument (low 32 bits): the address family
        (jeq_k, 2, 0, _AF_INET),
        (jeq_k, 1, 0, _AF_INET6),
        (ret_k, 0, 0, allow),
        (ret_k, 0, 0, deny),
    ]
    code = b"".join(struct.pack("HBBI", *op) for op in program)
    buffer = ctypes.create_string_buffer(code, len(code))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(len(program), ctypes.cast(buffer, ctypes.c_void_p))
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or \
            libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        log.warning("cannot install the seccomp network filter (%s)", os.strerror(ctypes.get_errno()))
        return False
    return True


def address_space_mb() -> int:
    """This process's current address-space size (0 where /proc is not available)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next((int(line.split()[1]) // 1024 for line in status if line.startswith("VmSize:")), 0)
    except OSError:
        return 0


def limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space (an allocation past it raises MemoryError)."""
    if not megabytes:
        return
    try:
        import resource

        limit = int(megabytes) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        log.warning("cannot set a memory limit on this platform")
