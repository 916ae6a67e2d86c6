import ArgumentParser

/// `tcptutor-class`, run as `tcptutor class ...`: the class server's commands. A program of its own so that SSH
/// and Foundation stay out of the tutor's binary.
@main
struct ClassServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tcptutor class",
        abstract: "Serve the tutor to a class over SSH.",
        subcommands: [ServeCommand.self, GradeCommand.self, ClassProgressCommand.self]
    )
}
