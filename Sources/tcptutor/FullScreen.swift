import ArgumentParser
import TutorCurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How every full-screen mode ends: on the terminal, or with a word on why not so that plain lines take over.
enum FullScreen {
    /// Runs `screen`; `finish` prints what is left to print once the terminal is restored. Returns false when
    /// the terminal cannot hold a full screen but plain lines would do: the caller goes on in plain mode.
    static func run(
        _ screen: () throws(TerminalProblem) -> TerminalRuntime.Ending, finish: () -> Void = {}
    ) throws -> Bool {
        let ending: TerminalRuntime.Ending
        do {
            ending = try screen()
        } catch {
            guard error.plainModeHelps else { throw CommandFailure("cannot use the full screen: \(error)") }
            printError("tcptutor: \(error); using plain mode (--plain).")
            return false
        }
        finish()
        if case .signal(let number) = ending {
            // Die of the same signal, so that whoever started us sees why we stopped.
            signal(number, SIG_DFL)
            raise(number)
        }
        return true
    }
}
