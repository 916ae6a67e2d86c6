import ArgumentParser

struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "present", abstract: "Not available yet.")

    func run() throws {
        throw ValidationError("'tcptutor present' is not available yet.")
    }
}
