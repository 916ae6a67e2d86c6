import LessonKit

extension LessonEntry {
    /// The lesson in `file` parsed and run on the engine, or the first problem found: how the menu, `tcptutor
    /// progress` and `tcptutor class progress` read a lessons folder.
    public init(file: String) {
        let name = String(file.split(separator: "/").last ?? Substring(file))
        do {
            let lesson = try LessonLibrary.load(file)
            let run = LessonRunner.run(lesson)
            if let problem = run.diagnostics.first {
                self.init(fileName: name, content: .failure(LessonProblem(message: problem.description)))
                return
            }
            self.init(fileName: name, content: .success(run.timeline), lesson: lesson)
        } catch {
            let message = error.diagnostics.first?.description ?? "\(file): cannot be loaded"
            self.init(fileName: name, content: .failure(LessonProblem(message: message)))
        }
    }
}
