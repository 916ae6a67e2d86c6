import ArgumentParser

/// The `tcptutor` command: the full-screen tutor by default, plus tools for lessons, quizzes, exams and captures.
@main
struct TCPTutorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tcptutor",
        abstract: "A terminal tutor for how TCP opens and closes connections (RFC 9293).",
        subcommands: [
            TutorCommand.self, RunCommand.self, CheckCommand.self, QuizCommand.self, ExamCommand.self,
            PresentCommand.self, ReplayCommand.self, ExportCommand.self, ProgressCommand.self, SandboxCommand.self,
            ClassCommand.self,
        ],
        defaultSubcommand: TutorCommand.self
    )
}
