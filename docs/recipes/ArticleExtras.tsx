'use client';
// app/article-extras.tsx: a client component, so the elements register in the browser only.
import { LedeKeyPoints, LedeScenarios } from 'lede/react';

type Props = {
  points: { title: string; text: string }[];
  scenarios: { id: string; title: string; summary: string }[];
};

export default function ArticleExtras({ points, scenarios }: Props) {
  return (
    <>
      {/* HTML children: in the server-rendered HTML too, so readers and crawlers see the points. */}
      <LedeKeyPoints heading="Why this matters">
        <ul>
          {points.map((point) => (
            <li key={point.title}>
              <strong>{point.title}:</strong> {point.text}
            </li>
          ))}
        </ul>
      </LedeKeyPoints>
      {/* A property: set in the browser once the component has mounted. */}
      <LedeScenarios
        voteEndpoint="/v1/votes"
        articleId="port-pact"
        scenarios={scenarios}
        onLedeVoted={(event) => console.log('voted for', event.detail.scenarioId)}
      />
    </>
  );
}
