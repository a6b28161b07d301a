import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, Descriptions, Input, InputNumber, Radio, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { REVIEW_OPINIONS, REVIEW_OPINION_LABELS, type ReviewOpinion } from '@zhengji/domain';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { reviewApi, useMyReviews, useReviewCandidate, useReviewMutation } from './review.api.ts';
import { CandidateFacts } from './components/candidate-facts.tsx';

type Draft = { scores: Record<string, number | null | undefined>; opinion: ReviewOpinion | null; comment: string };

/**
 * Expert: score one candidate. Keyboard: Ctrl+S saves the draft, Ctrl+Enter submits, Alt+→ / Alt+← go to the next /
 * previous candidate (saving a changed draft first); the first score field has the focus.
 */
export function ReviewScoringPage() {
  const { candidateId } = useParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const detail = useReviewCandidate(candidateId);
  const my = useMyReviews(detail.data?.candidate.campaignId);
  const save = useReviewMutation(reviewApi.saveReview);
  const [draft, setDraft] = useState<Draft>({ scores: {}, opinion: null, comment: '' });
  const [dirty, setDirty] = useState(false);
  const d = detail.data;
  useEffect(() => {
    if (!d) return;
    setDraft({ scores: { ...(d.myReview?.scores ?? {}) }, opinion: d.myReview?.opinion ?? null, comment: d.myReview?.comment ?? '' });
    setDirty(false);
  }, [d?.candidate.id, d?.myReview?.version]);
  const items = (my.data?.items ?? []).filter((i) => !i.conflicted);
  const index = items.findIndex((i) => i.candidateId === candidateId);
  const locked = !d?.abilities.saveReview;

  const body = () => ({
    scores: Object.fromEntries(Object.entries(draft.scores).filter(([, v]) => v !== undefined)) as Record<string, number | null>,
    opinion: draft.opinion,
    comment: draft.comment,
  });
  const persist = useCallback(
    async (submit: boolean) => {
      await save.mutateAsync({ candidateId: candidateId!, body: body(), submit });
      setDirty(false);
      void message.success(submit ? '评审已提交' : '草稿已保存');
    },
    [candidateId, draft],
  );
  const go = useCallback(
    async (step: number) => {
      const target = items[index + step];
      if (!target) return;
      if (dirty && !locked) await persist(false).catch(() => undefined);
      void navigate(`/review/my/${target.candidateId}`);
    },
    [items, index, dirty, locked, persist],
  );
  const submitAndNext = async () => {
    await persist(true);
    const next =
      items.slice(index + 1).find((i) => i.reviewStatus !== 'submitted') ?? items.find((i) => i.reviewStatus !== 'submitted' && i.candidateId !== candidateId);
    if (next) void navigate(`/review/my/${next.candidateId}`);
    else void navigate('/review/my');
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 's') {
        e.preventDefault();
        if (!locked) void persist(false).catch(() => undefined);
      }
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        if (!locked) void submitAndNext().catch(() => undefined);
      }
      if (e.altKey && e.key === 'ArrowRight') {
        e.preventDefault();
        void go(1);
      }
      if (e.altKey && e.key === 'ArrowLeft') {
        e.preventDefault();
        void go(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (detail.isError) {
    const status = detail.error instanceof ApiError ? detail.error.status : 0;
    // 403: the assignment became 回避 after it was made; the server's message says why and what happens next.
    const conflicted = status === 403;
    return (
      <Result
        status={status === 404 ? '404' : conflicted ? '403' : 'error'}
        title={conflicted ? '该候选职业须回避，您不能再查看或评审' : errorMessage(detail.error)}
        subTitle={conflicted ? errorMessage(detail.error) : undefined}
        extra={<Button onClick={() => navigate('/review/my')}>返回我的评审</Button>}
      />
    );
  }
  if (!d) return <Spin style={{ display: 'block', margin: 48 }} />;
  const setScore = (id: string, v: number | null | undefined) => {
    setDraft((x) => ({ ...x, scores: { ...x.scores, [id]: v } }));
    setDirty(true);
  };

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button onClick={() => navigate('/review/my')}>返回列表</Button>
          <Button disabled={index <= 0} onClick={() => void go(-1)} title="Alt+←">
            上一个
          </Button>
          <Typography.Text data-testid="review-position">
            第 {index + 1} / {items.length} 个
          </Typography.Text>
          <Button disabled={index < 0 || index >= items.length - 1} onClick={() => void go(1)} title="Alt+→">
            下一个
          </Button>
        </Space>
        <Typography.Text type="secondary">快捷键：Ctrl+S 保存草稿 · Ctrl+Enter 提交并进入下一个 · Alt+←/→ 切换</Typography.Text>
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <CandidateFacts detail={d} />
        </Col>
        <Col xs={24} xl={11}>
          <Card title="评审" extra={d.myReview?.status === 'submitted' ? <Tag color="green">已提交</Tag> : d.myReview ? <Tag color="orange">草稿</Tag> : null}>
            {d.round.closed && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="本轮评审已结束，评分不能再修改" />}
            {d.myReview?.status === 'submitted' && !d.round.closed && (
              <Alert type="success" showIcon style={{ marginBottom: 12 }} message="您已提交本评审；如需修改请联系市职鉴中心退回" />
            )}
            {save.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={errorMessage(save.error)} />}
            {d.round.criteria.map((c, i) => {
              const v = draft.scores[c.id];
              return (
                <div key={c.id} style={{ marginBottom: 14 }}>
                  <Typography.Text strong>{c.name}</Typography.Text> <Typography.Text type="secondary">（权重 {c.weight}）</Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.description}
                    </Typography.Text>
                  </div>
                  <Space style={{ marginTop: 4 }}>
                    <InputNumber
                      aria-label={c.name}
                      autoFocus={i === 0}
                      min={0}
                      max={10}
                      step={0.5}
                      disabled={locked || v === null}
                      value={v ?? undefined}
                      placeholder="0～10"
                      onChange={(n) => setScore(c.id, n ?? undefined)}
                    />
                    <Checkbox disabled={locked} checked={v === null} onChange={(e) => setScore(c.id, e.target.checked ? null : undefined)}>
                      不适用
                    </Checkbox>
                  </Space>
                </div>
              );
            })}
            <div style={{ marginBottom: 14 }}>
              <Typography.Text strong>意见</Typography.Text>
              <div>
                <Radio.Group
                  disabled={locked}
                  value={draft.opinion}
                  onChange={(e) => {
                    setDraft((x) => ({ ...x, opinion: e.target.value as ReviewOpinion }));
                    setDirty(true);
                  }}
                  optionType="button"
                  buttonStyle="solid"
                  options={REVIEW_OPINIONS.map((o) => ({ value: o, label: REVIEW_OPINION_LABELS[o] }))}
                />
              </div>
            </div>
            <Input.TextArea
              aria-label="评审意见"
              disabled={locked}
              rows={4}
              maxLength={2000}
              showCount
              placeholder="评审意见（可选）"
              value={draft.comment}
              onChange={(e) => {
                setDraft((x) => ({ ...x, comment: e.target.value }));
                setDirty(true);
              }}
            />
            <Space style={{ marginTop: 16 }}>
              <Button disabled={locked} loading={save.isPending} onClick={() => void persist(false).catch(() => undefined)}>
                保存草稿
              </Button>
              <Button type="primary" disabled={locked} loading={save.isPending} onClick={() => void submitAndNext().catch(() => undefined)}>
                提交并进入下一个
              </Button>
            </Space>
          </Card>
          {d.otherReviews.length > 0 && (
            <Card title="其他专家的评审" style={{ marginTop: 16 }}>
              <Descriptions
                column={1}
                size="small"
                items={d.otherReviews.map((r) => ({
                  key: r.id,
                  label: r.expertName,
                  children: `${r.opinion ? REVIEW_OPINION_LABELS[r.opinion] : ''}，加权得分 ${r.weightedScore?.toFixed(2) ?? '—'}${r.comment ? `：${r.comment}` : ''}`,
                }))}
              />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
