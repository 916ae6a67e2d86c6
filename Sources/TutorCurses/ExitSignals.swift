import CNCurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exit signals (SIGINT, SIGTERM, SIGHUP) for a program that reads plain lines, with the full screen's own
/// handler: it only notes the signal, a blocking read returns at once (no SA_RESTART), and the program says
/// what it must before it ends.
public enum ExitSignals {
    public static func install() { cn_install_exit_signals() }

    /// The first exit signal that arrived, or nil.
    public static var received: Int32? {
        let number = cn_exit_signal()
        return number == 0 ? nil : number
    }

    /// Ends the program of the signal that arrived, if one did, so that whoever started it sees why it stopped.
    public static func dieOfReceived() {
        guard let number = received else { return }
        signal(number, SIG_DFL)
        raise(number)
    }
}
