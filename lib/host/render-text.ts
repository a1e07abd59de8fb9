// Out-String and friends: objects rendered as the console shows them, as one string.
import { renderObjects } from '../format/index.js';

export const renderTextSync = (objects: unknown[], options: { width: number }) =>
  renderObjects(objects, { width: options.width, color: false });
