import { connectNats, jetstream, jetstreamManager, StreamReader, subjectCounts } from '@magpie/bus';
import { RejectedInstruction, Streams, Subjects } from '@magpie/contracts';

/** Every instruction the generator dropped for a run, with its evidence, read from REJECTIONS as the NATS user of `credentials`. */
export async function storedRejections(natsUrl: string, runId: string, credentials: { readonly user: string; readonly pass: string }): Promise<RejectedInstruction[]> {
  const nc = await connectNats({ servers: natsUrl, name: 'test-rejections', ...credentials });
  try {
    const counts = await subjectCounts(await jetstreamManager(nc), Streams.rejections.name, Subjects.rejectionsOfRun(runId));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const reader = await StreamReader.open(jetstream(nc), { stream: Streams.rejections.name, filter: Subjects.rejectionsOfRun(runId), afterSequence: 0 });
    const out: RejectedInstruction[] = [];
    while (out.length < total) {
      let delivered = 0;
      for await (const msg of reader.next(Math.min(500, total - out.length), 5_000)) {
        delivered++;
        out.push(RejectedInstruction.parse(msg.json()));
      }
      if (delivered === 0) break;
    }
    return out;
  } finally {
    await nc.close();
  }
}
