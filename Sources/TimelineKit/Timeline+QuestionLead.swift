import TCPCore

extension Timeline {
    /// The first frame of the calls and waits just before frame `index` (`index` itself when there are none) that
    /// make the segment of frame `index`: a question about that segment is asked before them, with the hosts as
    /// they were, because `A close` already puts A in FIN_WAIT_1 and its FIN in flight (TEACHING.md rule 12).
    /// Leading `say` and `reorder` steps and the other host's calls (`B listen` before A's SYN) stay before
    /// the question: they do not tell the segment.
    public func questionLeadStart(before index: Int) -> Int {
        var start = index
        scan: while start > 1 {
            switch frames[start - 1].event {
            case .call, .wait, .say, .reorder: start -= 1
            case .segment, .start: break scan
            }
        }
        let sender = frames[index].wire?.from
        while start < index {
            switch frames[start].event {
            case .say, .reorder, .wait(0): start += 1
            case .call(let host, _) where host != sender: start += 1
            case .call, .wait, .segment, .start: return start
            }
        }
        return start
    }
}
