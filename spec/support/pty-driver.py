"""Runs a program on a real pseudo-terminal and plays a conversation with it.

Usage: python3 pty-driver.py PROGRAM [ARGS...] < steps.json
Steps: [{"send": "text"}, {"expect": "regex"}, ...]; each expect waits (up to "timeout" seconds,
default 15) for the regex to match the screen output received since the previous expect.
Prints one JSON object: {"ok": bool, "output": all output, "failed": the step that timed out,
"exitCode": the program's exit code, or null if it was still running}.
"""
import json, os, pty, re, select, signal, sys, time

def main():
    steps = json.load(sys.stdin)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"
        os.execvp(sys.argv[1], sys.argv[1:])
    output, unread, failed = "", "", None
    def pump(deadline):
        nonlocal output, unread
        while True:
            left = deadline - time.time()
            if left <= 0: return False
            ready, _, _ = select.select([fd], [], [], min(left, 0.1))
            if ready:
                try: data = os.read(fd, 65536).decode("utf-8", "replace")
                except OSError: return False
                if not data: return False
                output += data; unread += data
                return True
    for step in steps:
        if "send" in step:
            os.write(fd, step["send"].encode()); time.sleep(step.get("pause", 0.05))
        elif "expect" in step:
            deadline = time.time() + step.get("timeout", 15)
            pattern = re.compile(step["expect"])
            while not pattern.search(unread):
                if not pump(deadline):
                    if not pattern.search(unread): failed = step; break
            if failed: break
            unread = unread[pattern.search(unread).end():]
    exit_code = None
    deadline = time.time() + 10
    while time.time() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            exit_code = os.waitstatus_to_exitcode(status); break
        pump(time.time() + 0.1)
    if exit_code is None:
        os.kill(pid, signal.SIGKILL); os.waitpid(pid, 0)
    print(json.dumps({"ok": failed is None, "output": output, "failed": failed, "exitCode": exit_code}))

main()
