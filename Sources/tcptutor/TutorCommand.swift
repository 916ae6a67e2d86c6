import ArgumentParser

struct TutorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tutor", abstract: "Not available yet.")

    func run() throws {
        throw ValidationError("'tcptutor tutor' is not available yet.")
    }
}
