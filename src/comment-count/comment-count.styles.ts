import { css } from 'lit';

export const commentCountStyles = css`
  :host {
    display: inline;
  }

  [part~='count'] {
    color: var(--lede-comment-count-color, inherit);
    font-size: var(--lede-comment-count-font-size, inherit);
    font-weight: var(--lede-comment-count-font-weight, inherit);
  }

  [part~='link'] {
    color: var(--lede-comment-count-link-color, var(--lede-comment-count-color, inherit));
    text-decoration: var(--lede-comment-count-link-decoration, underline);
    text-underline-offset: 0.15em;
  }

  [part~='link']:hover {
    text-decoration-thickness: 2px;
  }
`;
