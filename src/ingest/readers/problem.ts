/**
 * A reader's own diagnosis of why bytes cannot be read ("PDF has no text layer"); readSource
 * turns it into a ReadError that names the file.
 */
export class UnreadableDocument extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableDocument';
  }
}
